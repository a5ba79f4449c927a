count = count + 1
total += 2
