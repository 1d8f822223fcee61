/// The terminal UI toolkit: cells, grid, widgets, keys and themes.

// Display width is the program's one rule (TextWidth), shared with the core's printed pages.
@_exported import TextWidth
