/**
 * A genuine and a crafted notebook with the same FNV-1a 32-bit hash (contentHash, the ids local
 * notebooks used to have). The last lines were found by a search over "Version <n in base 36>."
 * for each body; tests check the collision holds before relying on it.
 */
const body = (title: string, value: string) => `---\ntitle: ${title}\n---\n\n# ${title}\n\n\`\`\`ts\nconst lesson = '${value}'\nlesson\n\`\`\`\n\n`;

export const genuineNotebook = `${body('Genuine lesson', 'genuine')}Version ylzz.\n`;
export const craftedNotebook = `${body('Crafted lesson', 'crafted')}Version 155f0.\n`;
