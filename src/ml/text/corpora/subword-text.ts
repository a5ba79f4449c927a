/**
 * Short sentences written for the subword-tokenisation notebook. Words come in families that share
 * stems and affixes (play, player, playing, replayed; care, careful, careless; kind, kindness,
 * unkind; fast, faster, fastest), so byte-pair encoding has pieces worth learning.
 */
export const subwordText: readonly string[] = [
  'The young players were playing in the park after school.',
  'One player played faster than the other players, and the fastest runner was running ahead.',
  'The slower runners were not unhappy: running slowly was still fun.',
  'Their teacher was teaching them to be careful and helpful.',
  'A careless player is less helpful than a careful player.',
  'The teachers helped the players, and the players helped each other.',
  'Kindness is helpful and unkindness is careless.',
  'The happiest players were the kindest players, and the kindest teachers were the happiest.',
  'Playing together, helping each other and caring for each other made the team happier.',
  'The runners replayed the game in their heads and talked about the hardest moments.',
  'A helpful runner slowed down to help a slower player who was running behind.',
  'The teacher said that careful playing is faster than careless playing.',
  'After the game the tired players walked home slowly, talking and laughing.',
  'The kindest thing a player can do is help the slowest player keep playing.',
  'Teachers and players agreed that the game was the happiest of the year.',
  'Next week the players will be training harder, running faster and playing kinder.',
];
