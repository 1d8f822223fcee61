import CNCurses
import TerminalUI
