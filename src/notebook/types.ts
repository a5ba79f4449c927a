/** The front matter of a notebook: the fields the site uses, plus any others the author wrote. */
export interface NotebookMeta {
  title: string;
  summary: string;
  tags: string[];
  group?: string;
  order?: number;
  [k: string]: unknown;
}

/** A run of Markdown between code cells (fences that are not `ts` stay in here). */
export interface ProseBlock {
  kind: 'prose';
  id: string;
  /** The Markdown, lines joined by '\n', without leading/trailing blank lines. */
  text: string;
  /** 1-based line of the file where the block starts. */
  line: number;
}

/** A ```ts fenced code cell. */
export interface CodeBlock {
  kind: 'code';
  id: string;
  /** The code between the fence lines, lines joined by '\n', no trailing newline. */
  source: string;
  /** The words after `ts` in the info string, e.g. ['hidden']; unknown ones are kept. */
  options: string[];
  /** 1-based line of the opening fence. */
  line: number;
}

/** One block of a notebook, in file order. */
export type Block = ProseBlock | CodeBlock;

/**
 * Everything needed to write the file back byte for byte. The file is
 * `bom + frontMatter + gaps[0] + raw[blocks[0].id] + gaps[1] + … + gaps[n]`,
 * minus the last line ending when `finalNewline` is false.
 */
export interface NotebookLayout {
  /** The file started with a byte-order mark (U+FEFF). */
  bom: boolean;
  /** The front matter exactly as written, from the opening `---` through the closing line's line ending. */
  frontMatter: string;
  /** gaps[i]: the blank lines before blocks[i]; gaps[blocks.length]: the blank lines at the end. */
  gaps: string[];
  /** Each block's exact text by id, always ending with a line ending. */
  raw: Record<string, string>;
  /** False when the file's last line had no line ending (one is added in memory and dropped on write). */
  finalNewline: boolean;
  /** The line ending used for new text: the file's first one ('\n' if it has none). */
  eol: '\n' | '\r\n';
  /** New blocks get ids numbered from here, so they never collide with existing or deleted ones. */
  nextId: number;
}

/** A parsed notebook file: metadata, blocks, and the layout that makes writing it back exact. */
export interface Notebook {
  file: string;
  meta: NotebookMeta;
  blocks: Block[];
  layout: NotebookLayout;
}
