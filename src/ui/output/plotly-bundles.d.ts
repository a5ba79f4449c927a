// Plotly's partial bundle ships no types; its API is the full bundle's (see load-plotly.ts).
declare module 'plotly.js-cartesian-dist-min';
