import { createSignal, type Accessor } from 'solid-js';

export type Theme = 'light' | 'dark';

const query = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : undefined;
const [theme, setTheme] = createSignal<Theme>(query?.matches ? 'dark' : 'light');
query?.addEventListener('change', (event) => setTheme(event.matches ? 'dark' : 'light'));

/** The colour scheme the system asks for; CSS follows it by itself, figures read this. */
export const currentTheme: Accessor<Theme> = theme;
