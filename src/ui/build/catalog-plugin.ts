/**
 * Vite plugin: the virtual module `virtual:stepwise-catalog`, the list of notebooks the site
 * serves. Front matter is read at build time so the index page needs no notebook text; each
 * notebook's text is its own lazily loaded chunk (`?raw`).
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { parseNotebook } from '../../notebook/index.ts';
import { slugOf } from '../../notebook/queries.ts';
import type { CatalogEntry } from '../catalog/catalog-entry.ts';

const MODULE_ID = 'virtual:stepwise-catalog';
const RESOLVED_ID = '\0' + MODULE_ID;

/**
 * The folders to read, relative to the project root. `notebooks` always; the end-to-end tests
 * add their fixtures with STEPWISE_NOTEBOOK_DIRS=notebooks,tests/e2e/fixtures.
 */
export function notebookDirs(env: string | undefined = process.env.STEPWISE_NOTEBOOK_DIRS): string[] {
  const dirs = (env ?? 'notebooks').split(',').map((dir) => dir.trim().replace(/^\/+|\/+$/g, ''));
  return dirs.filter((dir) => dir !== '');
}

/** Reads every notebook's front matter; a notebook that does not parse is listed with its error. */
export function readCatalog(root: string, dirs: string[]): (CatalogEntry & { path: string })[] {
  const entries: (CatalogEntry & { path: string })[] = [];
  for (const dir of dirs) {
    const folder = join(root, dir);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).filter((n) => n.endsWith('.md')).sort()) {
      const path = `/${dir}/${name}`;
      const slug = slugOf(name);
      try {
        const { meta } = parseNotebook(readFileSync(join(folder, name)), name);
        entries.push({ slug, path, title: meta.title, summary: meta.summary, tags: meta.tags, group: meta.group, order: meta.order });
      } catch (error) {
        entries.push({ slug, path, title: slug, summary: '', tags: [], error: (error as Error).message });
      }
    }
  }
  return entries;
}

/** The plugin; `root` defaults to Vite's root. */
export function catalogPlugin(): Plugin {
  let root = process.cwd();
  return {
    name: 'stepwise-catalog',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      return id === MODULE_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      const entries = readCatalog(root, notebookDirs());
      const items = entries.map(({ path, ...entry }) => {
        const load = `() => import(${JSON.stringify(path + '?raw')}).then((m) => m.default)`;
        return `{ ...${JSON.stringify(entry)}, load: ${load} }`;
      });
      return `export const catalog = [\n${items.join(',\n')}\n];\n`;
    },
    configureServer(server: ViteDevServer) {
      // A notebook added, removed or with new front matter changes the catalog itself.
      const folders = notebookDirs().map((dir) => resolve(root, dir));
      server.watcher.add(folders);
      const onChange = (file: string) => {
        if (!file.endsWith('.md') || !folders.some((folder) => file.startsWith(folder))) return;
        const module = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (module) server.moduleGraph.invalidateModule(module);
      };
      for (const event of ['add', 'unlink', 'change'] as const) server.watcher.on(event, onChange);
    },
  };
}
