/**
 * The owner's handbook of a fictional e-bike (the Larkfield Tern), written for the retrieval
 * notebook: five short documents of two or three paragraphs, and questions an owner might ask,
 * each labelled with the exact words of the handbook that answer it (`answer` is a substring of
 * `handbook[doc].text`), so any way of cutting the documents into chunks can be scored.
 */
export const bikeHandbook: readonly { title: string; text: string }[] = [
  {
    title: 'Getting started',
    text: `Your Larkfield Tern arrives ninety percent assembled. Fit the handlebar stem first: loosen the four stem bolts, line the bar up with the front wheel and tighten the bolts to 5 newton metres in a cross pattern. Then screw the pedals in by hand; the left pedal has a reverse thread and turns anticlockwise to tighten.

Before the first ride, pump both tyres to between 2.5 and 3.5 bar, the range printed on the sidewall. Check that the brakes stop the wheels firmly when you squeeze the levers, and that the quick release on the seat post is closed.

To switch the bike on, hold the power button on the left of the display for two seconds. The display wakes up in Eco mode with the lights off. Pair the Larkfield app by opening it near the bike and choosing Add bike; the pairing code is printed under the battery.`,
  },
  {
    title: 'Battery and charging',
    text: `The removable battery holds 540 watt hours and gives a range of 40 to 90 kilometres, depending on the riding mode, the hills, the rider's weight and the temperature. A full charge from empty takes about five hours with the standard charger; the fast charger cuts this to three hours.

Charge the battery indoors at room temperature. Below 0 °C the charger will not start, and the battery management system also refuses to charge above 45 °C. You can leave the battery on the charger overnight: charging stops by itself when it is full.

For winter storage, keep the battery at about 60 percent in a cool, dry room and top it up every two months. Never store it completely empty, because a deeply discharged cell can be damaged for good. To remove the battery, turn the key in the lock under the saddle and slide the pack out sideways.`,
  },
  {
    title: 'Riding modes and display',
    text: `The Tern has four assistance levels: Off, Eco, Tour and Boost. Press the plus and minus buttons on the remote to change level. Eco gives the longest range; Boost gives the most help on steep climbs but drains the battery roughly twice as fast as Tour. The motor stops assisting at 25 kilometres per hour, as the law requires in Europe.

Walk mode helps you push the bike up a ramp or out of a cellar: hold the minus button for three seconds, then keep it held and the bike rolls forward at walking pace.

The display shows the speed, the assistance level, the battery charge in five bars and the estimated range. Press the info button to cycle through trip distance, total distance and average speed. Hold the info button for five seconds to reset the trip distance.`,
  },
  {
    title: 'Care and troubleshooting',
    text: `Clean the bike with a damp cloth or a low-pressure hose; a pressure washer can force water into the bearings and the motor seals. Lubricate the chain every 300 kilometres, or after riding in rain, and wipe off the excess oil.

If the display shows error E10, the battery is not seated properly: take it out, check the contacts are clean, and slide it back until it clicks. Error E21 means the speed sensor has lost the magnet on the rear wheel; turn the magnet until it sits within 10 millimetres of the sensor.

If the motor cuts out on a long climb, it is probably overheating. Let it cool for ten minutes in a lower assistance level. A squealing disc brake is usually contaminated with oil; clean the rotor with isopropyl alcohol and, if the noise stays, replace the pads.`,
  },
  {
    title: 'Warranty and service',
    text: `The frame is guaranteed for five years and the motor, battery and display for two years from the date of purchase. The warranty does not cover wear parts such as tyres, chain, brake pads and grips, nor damage from crashes or from a pressure washer.

Book the first service after 500 kilometres or three months, whichever comes first; the cables stretch and the spokes settle during the first weeks. After that, a yearly service is enough for most riders.

To make a warranty claim, contact the shop where you bought the bike and bring the receipt and the frame number, which is stamped under the bottom bracket. A replacement battery is sent within ten working days. Batteries that are returned are recycled by the manufacturer.`,
  },
];

/**
 * Questions about the Tern, each with the document (`doc` indexes `bikeHandbook`) and the exact
 * words that answer it. Some share the handbook's words, some paraphrase them ("freezing" for
 * "0 °C"), so word-matching retrievers miss a few.
 */
export const bikeQuestions: readonly { text: string; doc: number; answer: string }[] = [
  { text: 'how tight should the stem bolts be', doc: 0, answer: 'tighten the bolts to 5 newton metres' },
  { text: 'which way does the left pedal turn', doc: 0, answer: 'the left pedal has a reverse thread and turns anticlockwise' },
  { text: 'what tyre pressure should I use', doc: 0, answer: 'between 2.5 and 3.5 bar' },
  { text: 'how long does the battery take to charge', doc: 1, answer: 'A full charge from empty takes about five hours' },
  { text: 'can I charge it in a freezing garage', doc: 1, answer: 'Below 0 °C the charger will not start' },
  { text: 'how should I store the battery over winter', doc: 1, answer: 'keep the battery at about 60 percent' },
  { text: 'what is the top speed with motor help', doc: 2, answer: 'The motor stops assisting at 25 kilometres per hour' },
  { text: 'how do I push the bike up a ramp', doc: 2, answer: 'hold the minus button for three seconds' },
  { text: 'how do I reset the trip counter', doc: 2, answer: 'Hold the info button for five seconds to reset the trip distance' },
  { text: 'can I use a pressure washer to clean it', doc: 3, answer: 'a pressure washer can force water into the bearings' },
  { text: 'the display says E21', doc: 3, answer: 'Error E21 means the speed sensor has lost the magnet' },
  { text: 'the motor stops working when climbing a hill', doc: 3, answer: 'it is probably overheating' },
  { text: 'my brakes squeal', doc: 3, answer: 'clean the rotor with isopropyl alcohol' },
  { text: 'is the battery covered by the warranty', doc: 4, answer: 'the motor, battery and display for two years' },
  { text: 'where do I find the frame number', doc: 4, answer: 'stamped under the bottom bracket' },
  { text: 'when is the first service due', doc: 4, answer: 'after 500 kilometres or three months' },
];
