/**
 * A few kilobytes of plain text written for the transformer and LLM-sampling notebooks: short
 * lines with a small alphabet and a lot of repeated structure, so a tiny character-level model
 * trained for a minute in the browser can learn words, spacing and line breaks.
 */
export const charText = `the cat sat on the mat.
the dog sat on the log.
the cat saw the dog and the dog saw the cat.
a small bird sang in the tall tree.
the sun is warm and the sky is blue.
the moon is cold and the night is dark.
the cat sleeps in the sun by the door.
the dog runs in the park with a red ball.
a fox walks in the wood at night.
the fox is quick and the dog is slow.
the rain falls on the roof and on the road.
the wind blows the leaves from the tree.
we walk to the sea and look at the boats.
the boats sail on the sea in the wind.
the fish swim in the sea and the birds fly over it.
the baker bakes bread in the morning.
the bread is warm and the butter is soft.
we eat bread and jam at the table.
the children play in the garden after school.
the garden has roses and a little pond.
the frog sits by the pond and sings at night.
the old man reads a book by the fire.
the old woman knits a hat for the cold days.
the snow falls on the hills in the winter.
the hills are green in the spring and brown in the autumn.
the farmer feeds the hens and the cows.
the hens lay eggs and the cows give milk.
the cat drinks the milk and sleeps on the mat.
the dog sleeps on the log by the door.
a bird sings and the cat looks up at the tree.
the sun sets and the sky turns red.
the stars come out and the moon is high.
the owl calls from the tall tree at night.
the mouse runs and hides under the floor.
the cat waits by the hole for the mouse.
the mouse is small and the cat is patient.
the river runs down to the sea.
the boat goes down the river to the town.
the town has a market on the square.
the market sells fish and bread and fruit.
we buy apples and pears at the market.
the apples are red and the pears are green.
the children eat the apples in the park.
the dog wants an apple but the dog eats meat.
the baker sells cakes and the children want cakes.
the cake is sweet and the tea is hot.
we drink tea in the garden in the summer.
the bees fly from flower to flower.
the bees make honey and the honey is sweet.
the bear likes honey and lives in the wood.
the bear sleeps in the winter and wakes in the spring.
the fox and the bear walk in the wood.
the wood is dark and the path is long.
we walk on the path and sing a song.
the song is old and we sing it every day.
the cat sat on the mat and the dog sat on the log.
the sun is up and the day is long.
the moon is up and the night is long.
the boat is on the sea and the fish are in the sea.
the bird is in the tree and the cat is on the mat.
the rain stops and the sun comes out.
the children run out to play in the sun.
the dog runs after the ball and brings it back.
the cat does not run after the ball.
the cat sleeps and the dog plays.
at night the house is quiet and the fire is warm.
the old man sleeps by the fire and the cat sleeps on the mat.
in the morning the baker bakes the bread again.
the town wakes up and the market opens.
the boats come back from the sea with fish.
the farmer brings eggs and milk to the market.
the children go to school and the day begins.
`;

/**
 * Held-out text for `charText`: four sentences in its style and alphabet, written separately and
 * never part of it, so a model trained on `charText` can be scored on text it did not see
 * (perplexity in the LLM-sampling notebook).
 */
export const charHeldOut = `the fox sleeps by the fire in the winter.
we buy bread and honey at the market.
the children look at the boats on the river.
the old dog waits by the door for the farmer.
`;
