/**
 * Short sentences written for the word-embeddings notebook, in parallel frames. Eight people
 * words differ in three ways, each carried by a context word right next to them: royal or
 * village (status), old or young (age), his or her and he or she (gender). "the royal king
 * wears his golden crown" has a twin "the royal queen wears her golden crown", so skip-gram can
 * learn that king − man + woman lands near queen. Animals and food have contexts of their own
 * (field, grass, barn; eat, lunch, kitchen).
 */
export const analogySentences: readonly string[] = [
  // royal, grown
  'the royal king wears his golden crown',
  'the old king sits on his throne in the palace',
  'the royal king rules his kingdom from the palace',
  'the old king works hard for his kingdom',
  'the royal queen wears her golden crown',
  'the old queen sits on her throne in the palace',
  'the royal queen rules her kingdom from the palace',
  'the old queen works hard for her kingdom',
  // royal, young
  'the royal prince wears his little crown',
  'the young prince sits on his little throne in the palace',
  'the royal prince plays with his toys in the palace garden',
  'the young prince walks to school with his toys',
  'the royal princess wears her little crown',
  'the young princess sits on her little throne in the palace',
  'the royal princess plays with her toys in the palace garden',
  'the young princess walks to school with her toys',
  // common, grown
  'the village man wears his old coat',
  'the old man works on his farm near the village',
  'the village man sells fresh bread at the market',
  'the old man works hard for his village',
  'the village woman wears her old coat',
  'the old woman works on her farm near the village',
  'the village woman sells fresh bread at the market',
  'the old woman works hard for her village',
  // common, young
  'the village boy wears his little coat',
  'the young boy plays on his farm near the village',
  'the village boy plays with his toys in the garden',
  'the young boy walks to school with his toys',
  'the village girl wears her little coat',
  'the young girl plays on her farm near the village',
  'the village girl plays with her toys in the garden',
  'the young girl walks to school with her toys',
  // he and she
  'he is a king and he has a crown',
  'she is a queen and she has a crown',
  'he is a prince and he is young',
  'she is a princess and she is young',
  'he is a man and he has a farm',
  'she is a woman and she has a farm',
  'he is a boy and he is young',
  'she is a girl and she is young',
  // animals
  'the dog barks at the cat in the yard',
  'the cat chases the mouse in the barn',
  'the horse and the cow eat grass in the field',
  'the sheep and the goat eat grass in the field',
  'the farmer feeds the cow and the horse',
  'the farmer feeds the sheep and the goat',
  'the dog and the cat sleep in the barn',
  'the cow gives milk and the hen lays eggs',
  'the goat and the sheep live on the hill',
  'the horse and the dog run across the field',
  // food
  'we eat bread and cheese for lunch',
  'we eat rice and soup for dinner',
  'she cooks soup and rice in the kitchen',
  'we bake bread in the kitchen oven',
  'an apple and a pear are sweet fruit',
  'a pear and a plum are ripe fruit',
  'we eat an apple and a plum for lunch',
  'cheese and butter are made from milk',
  'they eat bread with butter and cheese',
  'the soup is hot and the bread is fresh',
];
