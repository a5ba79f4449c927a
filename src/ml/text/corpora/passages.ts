/**
 * Short passages on varied topics, written for the retrieval (RAG) and TF-IDF notebooks, with
 * a few queries whose best passage is known (`queries[i].relevant` indexes `passages`).
 */
export const passages: readonly { title: string; text: string }[] = [
  { title: 'Photosynthesis', text: 'Plants turn sunlight, water and carbon dioxide into sugar and oxygen. The green pigment chlorophyll in the leaves captures the light energy that drives the reaction.' },
  { title: 'Volcanoes', text: 'A volcano forms where molten rock called magma rises through the crust. When pressure builds up, the volcano erupts and lava, ash and gas escape from the vent.' },
  { title: 'Bread baking', text: 'Yeast feeds on the sugar in dough and releases carbon dioxide, which makes the bread rise. Kneading builds gluten so the dough can trap the gas before baking in a hot oven.' },
  { title: 'Black holes', text: 'A black hole is a region of space where gravity is so strong that not even light can escape. It forms when a massive star collapses at the end of its life.' },
  { title: 'The heart', text: 'The heart is a muscle that pumps blood around the body. Arteries carry oxygen-rich blood away from the heart and veins bring it back to be pumped through the lungs.' },
  { title: 'Honey bees', text: 'Honey bees collect nectar from flowers and store it in the hive, where it thickens into honey. While they forage they carry pollen between flowers and help plants reproduce.' },
  { title: 'Compound interest', text: 'With compound interest the interest earned each year is added to the balance, so next year interest is paid on a larger amount. Savings grow faster the earlier you start.' },
  { title: 'Electric cars', text: 'An electric car stores energy in a battery pack and drives its wheels with an electric motor. Charging the battery from the grid replaces filling a tank with petrol.' },
  { title: 'Tides', text: 'Tides are the regular rise and fall of the sea. They are caused mainly by the gravity of the moon pulling on the oceans, with a smaller pull from the sun.' },
  { title: 'Vaccines', text: 'A vaccine trains the immune system to recognise a germ without causing the disease. If the real virus or bacteria arrive later, the body already has antibodies ready.' },
  { title: 'Chess openings', text: 'In chess the opening moves aim to control the centre of the board, develop the knights and bishops quickly, and keep the king safe by castling early.' },
  { title: 'Coffee', text: 'Coffee beans are the roasted seeds of a fruit that grows on shrubs in the tropics. Roasting changes their colour and flavour, and brewing extracts caffeine into hot water.' },
  { title: 'Rainbows', text: 'A rainbow appears when sunlight enters raindrops, bends, reflects inside the drop and splits into its colours, from red on the outside of the arc to violet on the inside.' },
  { title: 'Recycling plastic', text: 'Plastic bottles are sorted, washed and shredded into flakes, which are melted and formed into pellets. The pellets become new products such as fibres for clothing.' },
  { title: 'Marathon training', text: 'Runners preparing for a marathon build their weekly distance slowly, mix long easy runs with faster sessions, and rest enough for the muscles to recover and grow stronger.' },
  { title: 'The printing press', text: 'The printing press used movable metal type to print pages quickly. Books became cheaper, more people learned to read, and ideas spread across Europe within decades.' },
  { title: 'Earthquakes', text: 'Earthquakes happen when blocks of the crust slip suddenly along a fault. The energy released travels as seismic waves that shake the ground, sometimes far from the source.' },
  { title: 'Sleep', text: 'During sleep the brain cycles through light, deep and dreaming stages. Deep sleep helps the body repair itself, and dreaming sleep helps to store memories of the day.' },
  { title: 'Solar panels', text: 'Solar panels are made of cells that turn sunlight directly into electricity. The current they produce can power a home or charge a battery for use at night.' },
  { title: 'Sourdough starter', text: 'A sourdough starter is a mix of flour and water that wild yeast and bacteria ferment. Bakers feed it daily and use it instead of packet yeast to make bread rise.' },
];

/** Questions a learner might ask, each with the index of the passage that answers it. */
export const queries: readonly { text: string; relevant: number }[] = [
  { text: 'why does dough rise when baking bread with yeast', relevant: 2 },
  { text: 'what pulls the sea to make tides', relevant: 8 },
  { text: 'how does a vaccine help the immune system fight a virus', relevant: 9 },
  { text: 'how do solar cells make electricity from sunlight', relevant: 18 },
  { text: 'what happens when a massive star collapses', relevant: 3 },
];
