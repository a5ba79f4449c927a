/** Entry of the app: renders <App> into #app. Monaco, Plotly and the kernel load later, on demand. */
import { render } from 'solid-js/web';
import { App } from './ui/app/App.tsx';
import 'katex/dist/katex.min.css'; // small; the fonts load only when math is drawn
import './ui/styles/app.css';

const root = document.getElementById('app');
if (!root) throw new Error('index.html has no #app element to render Stepwise into');
root.textContent = '';
render(() => <App />, root);
