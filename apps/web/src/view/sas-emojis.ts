/** The names of the Matrix SAS method's 64 emoji, as the specification gives them, so each can be read out. */
const sasEmojiNames: Record<string, string> = {
  '🐶': 'Dog', '🐱': 'Cat', '🦁': 'Lion', '🐎': 'Horse', '🦄': 'Unicorn', '🐷': 'Pig', '🐘': 'Elephant', '🐰': 'Rabbit',
  '🐼': 'Panda', '🐓': 'Rooster', '🐧': 'Penguin', '🐢': 'Turtle', '🐟': 'Fish', '🐙': 'Octopus', '🦋': 'Butterfly', '🌷': 'Flower',
  '🌳': 'Tree', '🌵': 'Cactus', '🍄': 'Mushroom', '🌏': 'Globe', '🌙': 'Moon', '☁️': 'Cloud', '🔥': 'Fire', '🍌': 'Banana',
  '🍎': 'Apple', '🍓': 'Strawberry', '🌽': 'Corn', '🍕': 'Pizza', '🎂': 'Cake', '❤️': 'Heart', '🙂': 'Smiley', '🤖': 'Robot',
  '🎩': 'Hat', '👓': 'Glasses', '🔧': 'Spanner', '🎅': 'Santa', '👍': 'Thumbs Up', '☂️': 'Umbrella', '⌛': 'Hourglass', '⏰': 'Clock',
  '🎁': 'Gift', '💡': 'Light Bulb', '📕': 'Book', '✏️': 'Pencil', '📎': 'Paperclip', '✂️': 'Scissors', '🔒': 'Lock', '🔑': 'Key',
  '🔨': 'Hammer', '☎️': 'Telephone', '🏁': 'Flag', '🚂': 'Train', '🚲': 'Bicycle', '✈️': 'Aeroplane', '🚀': 'Rocket', '🏆': 'Trophy',
  '⚽': 'Ball', '🎸': 'Guitar', '🎺': 'Trumpet', '🔔': 'Bell', '⚓': 'Anchor', '🎧': 'Headphones', '📁': 'Folder', '📌': 'Pin',
};

export interface SasEmoji {
  emoji: string;
  /** Empty for an emoji outside the Matrix list (a server may send others). */
  name: string;
}

/** The seven emojis of `sas.emojis` (separated by single spaces), each with its name. */
export function sasEmojis(emojis: string): SasEmoji[] {
  return emojis.split(' ').map((emoji) => ({ emoji, name: sasEmojiNames[emoji] ?? '' }));
}
