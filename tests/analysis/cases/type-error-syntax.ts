const x: = 3
