print("gaidesk")
