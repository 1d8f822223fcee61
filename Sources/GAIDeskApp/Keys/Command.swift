import TerminalUI

/// Everything a key can ask for; each screen's ``KeyMap`` binds keys to some of these.
public enum Command: Hashable, Sendable {
  /// Show the keys of the current screen.
  case help
  /// Switch the interface language (remembered).
  case language
  /// Leave the program (after confirming).
  case quit
  /// Go back one screen (asking first when a form would be lost).
  case back
  /// Find a visitor and open their profile.
  case search
  /// Register an arrival.
  case arrival
  /// Call the longest-waiting ticket.
  case callNext
  /// Serve the selected ticket.
  case serve
  /// Mark the selected ticket as left.
  case left
  /// Open the selected visitor's profile.
  case profile
  /// Open the supervisor's desk.
  case supervisor
  /// Open the administrator's screen of people and access.
  case accounts
  /// Confirm the current field, choice or form.
  case submit
  /// Move to the next field or section.
  case nextField
  /// Move to the previous field or section.
  case previousField
  /// Empty the focused text field (the field itself answers Ctrl-U; the binding shows it).
  case clearField
  /// Register a new visitor.
  case newVisitor
  /// Close the visit and save it.
  case save
  /// Show the next tab.
  case nextTab
  /// Show the previous tab.
  case previousTab
  /// Change the selected referral's status.
  case changeStatus
  /// Mark the selected follow-up done.
  case complete
  /// Show or hide the knowledge sheet.
  case sheet
  /// Find a knowledge sheet.
  case sheets
  /// Scroll a long text one page down.
  case nextPage
  /// Scroll a long text one page up.
  case previousPage
  /// Change the language of the visitor's slips.
  case slipLanguage
  /// Print the slips on saving, or not.
  case togglePrint
  /// Edit the visitor's details.
  case edit
  /// Show merge candidates and merge one into this record.
  case merge
  /// Undo a merge into this record.
  case unmerge
  /// Record consent to share and to store.
  case consent
  /// Add a new record (a partner).
  case add
  /// Retire the selected partner (after confirming).
  case retire
  /// Back the office up to a folder (a USB stick).
  case backup
  /// Print the page shown (the supervisor's day sheet).
  case print
  /// Add an item to a list being edited.
  case addItem
  /// Remove the focused item of a list being edited.
  case removeItem
  /// Lock the screen at once (the panic key).
  case lock
  /// Confirm the chosen sheet line or partner entry locally (checked with the service).
  case confirmItem
  /// Correct the chosen sheet line or partner entry after checking it with the service.
  case correctItem
  /// Show only the partner entries to confirm, oldest first, or all partners.
  case toConfirm
  /// Undo "left without service" (within minutes of it).
  case undoLeft
  /// Put the visitor being served back in the queue (a call made by mistake).
  case returnToQueue
  /// Change when the office's desks lock and wipe their keys (administrators).
  case lockTimes
}

/// Bindings shared by every screen after the office is open.
enum CommonKeys {
  /// F1 help, F2 language; hidden ones (Ctrl-C) still work.
  static func bindings(_ tr: Translator, helpOnQuestionMark: Bool) -> [KeyBinding<Command>] {
    [
      KeyBinding(
        helpOnQuestionMark ? [.function(1), .character("?")] : [.function(1)], .help, help: tr("key.help"),
        label: "F1"),
      KeyBinding(.function(2), .language, help: tr("key.language")),
      KeyBinding(.control("c"), .quit, help: tr("key.quit"), hidden: true),
    ]
  }

  /// A form's keys: Enter does `submit`, Tab and Shift-Tab move between fields, Esc does `back`; then F1, F2.
  static func form(_ tr: Translator, submit: String, back: String? = nil) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.enter, .submit, help: submit),
        KeyBinding(.tab, .nextField, help: tr("key.field")),
        KeyBinding(.backTab, .previousField, help: tr("key.previous"), hidden: true),
        KeyBinding(.escape, .back, help: back ?? tr("key.back")),
      ] + bindings(tr, helpOnQuestionMark: false) + [clearField(tr)])
  }

  /// Ctrl-U empties the focused field: last in the key bar, shown where there is room, always in the help.
  static func clearField(_ tr: Translator) -> KeyBinding<Command> {
    KeyBinding(.control("u"), .clearField, help: tr("key.clearField"))
  }
}
