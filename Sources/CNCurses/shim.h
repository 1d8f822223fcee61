#ifndef GAIDESK_CNCURSES_SHIM_H
#define GAIDESK_CNCURSES_SHIM_H
// SwiftPM drops ncursesw's -D flags, so wide-character support is switched on here.
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <stdio.h>
#include <ncursesw/curses.h>

/// The standard screen (a C global Swift cannot see directly).
static inline WINDOW *gd_stdscr(void) { return stdscr; }
/// Terminal width in columns.
static inline int gd_cols(void) { return COLS; }
/// Terminal height in rows.
static inline int gd_lines(void) { return LINES; }
/// Bold attribute.
static inline attr_t gd_a_bold(void) { return A_BOLD; }
/// Reverse-video attribute.
static inline attr_t gd_a_reverse(void) { return A_REVERSE; }
/// Underline attribute.
static inline attr_t gd_a_underline(void) { return A_UNDERLINE; }
/// Dim attribute.
static inline attr_t gd_a_dim(void) { return A_DIM; }
/// The attribute of colour pair `n`.
static inline attr_t gd_color_pair(int n) { return COLOR_PAIR(n); }
/// The size of a window.
static inline void gd_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
/// Starts curses on the process's standard output and input (C globals Swift 6 cannot read safely).
static inline SCREEN *gd_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
#endif
