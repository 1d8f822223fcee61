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
/// Bold attribute.
static inline attr_t gd_a_bold(void) { return A_BOLD; }
/// Reverse-video attribute.
static inline attr_t gd_a_reverse(void) { return A_REVERSE; }
/// Underline attribute.
static inline attr_t gd_a_underline(void) { return A_UNDERLINE; }
/// The size of a window.
static inline void gd_getmaxyx(WINDOW *w, int *y, int *x) { getmaxyx(w, *y, *x); }
/// Starts curses on the process's standard output and input (C globals Swift 6 cannot read safely).
static inline SCREEN *gd_newterm_stdio(void) { return newterm(NULL, stdout, stdin); }
#endif
