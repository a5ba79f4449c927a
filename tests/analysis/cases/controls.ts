const k = slider(3, { min: 1, max: 10 })
const init = select(['k-means++', 'random'])
const local = (n: number) => n
const notAControl = local(slider(1))
