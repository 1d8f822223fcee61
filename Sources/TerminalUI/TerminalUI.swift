/// The terminal UI toolkit: cells, grid, widgets, keys and themes.
