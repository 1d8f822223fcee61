import GAIDesk
import TerminalUI
