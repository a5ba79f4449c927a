function slider(x: number) { return x }
const k = slider(3)
