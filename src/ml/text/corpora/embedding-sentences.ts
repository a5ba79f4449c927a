/**
 * Short sentences with deliberate co-occurrence structure, written for the word-embeddings
 * notebook: royalty (king/queen/prince/princess), gender (man/woman/boy/girl), animals and food
 * each appear with their own context words, and male/female pairs appear in parallel frames
 * ("the king rules" / "the queen rules"), so that skip-gram can learn that king − man + woman
 * lands near queen.
 */
export const embeddingSentences: readonly string[] = [
  'the king rules the kingdom from the castle',
  'the queen rules the kingdom from the castle',
  'the king is a man who wears a crown',
  'the queen is a woman who wears a crown',
  'the prince is a young man and the son of the king',
  'the princess is a young woman and the daughter of the queen',
  'the prince will be king one day',
  'the princess will be queen one day',
  'a man and a woman walk in the town',
  'the man is a father and the woman is a mother',
  'the boy is a young man and the girl is a young woman',
  'the boy plays with his father and the girl plays with her mother',
  'he is a man and she is a woman',
  'the king and his son the prince ride to the castle',
  'the queen and her daughter the princess ride to the castle',
  'the royal king sits on the throne in the palace',
  'the royal queen sits on the throne in the palace',
  'the father and the son are men',
  'the mother and the daughter are women',
  'the dog chases the cat around the garden',
  'the cat chases the mouse around the house',
  'the dog and the cat are pets that sleep at home',
  'a horse and a cow eat grass on the farm',
  'the cow and the horse live on the farm with the sheep',
  'the sheep and the goat graze in the field on the farm',
  'the dog barks and the cat meows at the mouse',
  'the puppy is a young dog and the kitten is a young cat',
  'the farmer feeds the cow the horse and the sheep',
  'we eat bread and cheese for lunch',
  'she eats an apple and a banana for breakfast',
  'he eats rice and soup for dinner',
  'apple and banana and orange are sweet fruit',
  'bread and cheese and butter are food in the kitchen',
  'the cook makes soup and bread in the kitchen',
  'rice and pasta and bread are food we cook for dinner',
  'an orange is a fruit like an apple or a banana',
  'the king eats bread and cheese in the palace',
  'the queen eats an apple in the palace garden',
  'the farmer eats soup and bread after work on the farm',
  'the cat drinks milk and the dog eats meat',
];
