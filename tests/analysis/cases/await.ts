const data = await loadSomething()
for (let i = 0; i < 3; i++) await tick()
data
