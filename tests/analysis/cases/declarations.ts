const a: number = 1
let { b, c: [d] } = obj
function f(x: number): number { return x * a }
class Model {}
var legacy = 2
interface Shape { w: number }
type Pair = [number, number]
