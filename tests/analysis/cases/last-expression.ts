const xs = [1, 2, 3]
// the last expression's value is shown
xs.map((x) => x * factor)
