import Foundation
import GAIDesk
import TerminalUI

/// A visitor's profile: details, visits, referrals and follow-ups.
public struct ProfileScreen: AppScreen {
  /// The visitor shown.
  let visitorID: String
  /// The first line shown.
  var offset = 0
  /// What the screen is doing: showing the profile, editing, or choosing a record to merge or unmerge.
  var mode: Mode = .view
  /// The last problem, translated (shown in the edit form).
  var error: String?

  /// What the profile screen is doing.
  enum Mode {
    /// Showing the profile.
    case view
    /// Editing the details; `original` holds the values the form started with.
    case edit(FormState, original: [String])
    /// Choosing a look-alike record to merge into this one.
    case merge([DuplicateCandidate], ListState)
    /// Choosing a merged record to separate again.
    case unmerge([String], ListState)
  }

  /// The edit form's fields: name, nationality, phone, birth year, languages.
  static let editFields = [
    "arrival.fullName", "arrival.nationality", "arrival.phone", "arrival.birthYear", "edit.languages",
  ]

  /// Whether leaving the edit form would lose a change.
  public var isDirty: Bool {
    if case .edit(let form, let original) = mode { return form.values.map(\.text) != original }
    return false
  }

  /// Whether Esc returns to the profile rather than leaving the screen.
  public var isInPanel: Bool {
    if case .view = mode { return false }
    return true
  }

  /// Shows `visitorID`.
  public init(visitorID: String) {
    self.visitorID = visitorID
  }

  public func keyMap(_ tr: Translator) -> KeyMap<Command> {
    switch mode {
    case .edit:
      return CommonKeys.form(tr, submit: tr("key.save"))
    case .merge, .unmerge:
      return KeyMap(
        [
          KeyBinding(.enter, .submit, help: tr("key.choose")),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: true))
    case .view:
      return KeyMap(
        [
          KeyBinding(.character("a"), .arrival, help: tr("key.arrival")),
          KeyBinding(.character("e"), .edit, help: tr("key.edit")),
          KeyBinding(.character("m"), .merge, help: tr("key.merge")),
          KeyBinding(.character("u"), .unmerge, help: tr("key.unmerge")),
          KeyBinding(.character("c"), .consent, help: tr("key.consent")),
          KeyBinding(.escape, .back, help: tr("key.back")),
        ] + CommonKeys.bindings(tr, helpOnQuestionMark: true) + [
          KeyBinding(.character("q"), .quit, help: tr("key.quit"), hidden: true)
        ])
    }
  }

  /// The profile as lines of text with their roles, wrapped at `width` (a field's value continues under
  /// itself, other lines under their start, indented).
  func lines(_ model: AppModel, width: Int) -> [(String, Role)] {
    entries(model).flatMap { entry in entry.wrapped(toWidth: width).map { ($0, entry.role) } }
  }

  /// The profile's entries, before wrapping.
  private func entries(_ model: AppModel) -> [ProfileEntry] {
    let tr = model.tr
    let state = model.state
    guard let visitor = state.canonicalVisitor(visitorID) else {
      return [ProfileEntry(tr("profile.unknown"), role: .error)]
    }
    var out: [ProfileEntry] = []
    let labels = [
      "profile.name", "profile.aliases", "profile.nationality", "profile.born", "profile.sex",
      "profile.phone",
      "profile.languages",
      "profile.municipality", "profile.document", "profile.consentShare", "profile.consentStore",
      "profile.id",
    ]
    let labelWidth = labels.map { tr($0).displayWidth }.max() ?? 0
    func field(_ key: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      out.append(ProfileEntry(label: tr(key).padded(toWidth: labelWidth) + " ", value: value))
    }
    out.append(ProfileEntry(tr("profile.details"), role: .header, hang: 2))
    field("profile.name", visitor.fullName)
    field("profile.aliases", visitor.aliases.joined(separator: ", "))
    field("profile.nationality", visitor.nationality.map { tr.country($0) })
    field("profile.born", visitor.birthYear.map(String.init))
    field("profile.sex", visitor.sex.map { tr("profile.sex" + $0.rawValue) })
    field("profile.phone", visitor.phone)
    field(
      "profile.languages",
      visitor.languages.compactMap { ReferenceData.shipped.language($0)?.label(tr.language) }.joined(
        separator: ", "))
    field(
      "profile.municipality", visitor.municipality.flatMap { ReferenceData.shipped.municipality($0)?.name })
    field("profile.document", visitor.document.map { $0.type + " " + $0.number })
    let share =
      visitor.consentToShare.map {
        ($0.granted ? tr("answer.yes") : tr("answer.no")) + " (" + tr.date($0.date) + ")"
      }
      ?? tr("profile.notAsked")
    field("profile.consentShare", share)
    let store =
      visitor.consentToStore.map {
        ($0.granted ? tr("answer.yes") : tr("answer.no")) + " (" + tr.date($0.date) + ")"
      }
      ?? tr("profile.notAsked")
    field("profile.consentStore", store)
    field("profile.id", visitor.id)
    out.append(ProfileEntry(""))
    let merged = Array(state.mergedGroup(visitor.id).dropFirst())
    if !merged.isEmpty {
      out.append(ProfileEntry(tr("profile.merged", String(merged.count)), role: .header, hang: 2))
      for id in merged {
        let other = state.visitors[id]
        out.append(
          ProfileEntry(id + "  " + (other?.fullName ?? "") + "  " + tr.country(other?.nationality), hang: 2))
      }
      out.append(ProfileEntry(""))
    }
    let group = Set(state.mergedGroup(visitor.id))
    let visits = group.flatMap { state.visitsByVisitor[$0] ?? [] }.compactMap { state.visits[$0] }.sorted {
      $0.arrivedAt > $1.arrivedAt
    }
    out.append(ProfileEntry(tr("profile.visits", String(visits.count)), role: .header, hang: 2))
    // A visit's day and ticket are its label column (the tickets as wide as the widest), what came of it the
    // value beside them.
    let ticketWidth = visits.map(\.ticket.displayWidth).max() ?? 0
    for visit in visits {
      let topics = visit.topics.map { tr.topic($0) }.joined(separator: tr("list.separator"))
      var value = tr("status." + visit.status.rawValue)
      if !topics.isEmpty { value += "  " + topics }
      if let outcome = visit.outcome { value += " — " + outcome }
      let label = tr.date(visit.day) + " " + visit.ticket.padded(toWidth: ticketWidth) + "  "
      out.append(ProfileEntry(label: label, value: value))
      if let note = visit.note { out.append(ProfileEntry("    " + note, role: .muted, hang: 4)) }
    }
    out.append(ProfileEntry(""))
    let referrals = state.allReferrals.filter { group.contains($0.visitorID) }
    out.append(ProfileEntry(tr("profile.referrals", String(referrals.count)), role: .header, hang: 2))
    for referral in referrals {
      let partner = model.directory.partner(referral.partner).map { $0.short ?? $0.name } ?? referral.partner
      let overdue = referral.isOverdue(endOf: model.today)
      let line = [
        partner, tr.topic(referral.topic), tr("referral." + referral.status.rawValue),
        referral.due.map { tr("profile.due", tr.date($0)) } ?? "",
      ]
      .filter { !$0.isEmpty }.joined(separator: " · ")
      out.append(
        ProfileEntry(
          line + (overdue ? "  " + tr("referral.overdue") : ""), role: overdue ? .warning : .normal, hang: 2))
    }
    out.append(ProfileEntry(""))
    let followUps = state.allFollowUps.filter { group.contains($0.visitorID) }
    out.append(ProfileEntry(tr("profile.followUps", String(followUps.count)), role: .header, hang: 2))
    for followUp in followUps {
      let done = followUp.doneAt != nil ? tr("followUp.done") : tr("followUp.open")
      out.append(
        ProfileEntry(
          tr.date(followUp.on) + "  " + done + (followUp.note.isEmpty ? "" : "  " + followUp.note), hang: 2))
    }
    return out
  }

  public func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    switch mode {
    case .view: return renderProfile(into: &grid, area: area, model: model)
    case .edit(let form, _): return renderEdit(form, into: &grid, area: area, model: model)
    case .merge(let candidates, let list):
      renderMerge(candidates, list, into: &grid, area: area, model: model)
    case .unmerge(let ids, let list):
      renderUnmerge(ids, list, into: &grid, area: area, model: model)
    }
    return nil
  }

  private func renderEdit(_ form: FormState, into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("edit.title", model.name(visitorID)))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    let fields = Self.editFields.map { FormField(tr($0)) }
    let formArea = Rect(x: inner.x, y: inner.y, width: min(inner.width, 60), height: fields.count)
    let widget = Form(fields: fields, state: form)
    grid.render(widget, in: formArea)
    var y = inner.y + fields.count + 1
    for line in tr("edit.hint").wrapped(toWidth: max(1, inner.width)) where y < inner.maxY {
      grid.put(line, at: Point(x: inner.x, y: y), role: .muted, maxWidth: inner.width)
      y += 1
    }
    if let error {
      let top = y + 1
      grid.render(
        WrappedMessage(error, role: .error),
        in: Rect(x: inner.x, y: top, width: inner.width, height: max(0, inner.maxY - top)))
    }
    return widget.cursorPosition(in: formArea)
  }

  /// What the name, nationality and reason columns of the merge table keep however long the numbers are.
  static let minimumNamesAndReasons = 36

  private func renderMerge(
    _ candidates: [DuplicateCandidate], _ list: ListState, into grid: inout Grid, area: Rect, model: AppModel
  ) {
    let tr = model.tr
    let block = Block(title: tr("merge.title", model.name(visitorID)))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    grid.put(tr("merge.hint"), at: inner.origin, role: .muted, maxWidth: inner.width)
    let rows = candidates.map { candidate -> [String] in
      let visitor = model.state.visitors[candidate.visitorID]
      return [
        visitor?.fullName ?? candidate.visitorID, tr.country(visitor?.nationality), visitor?.phone ?? "",
        visitor?.birthYear.map(String.init) ?? "",
        String(model.state.visitsByVisitor[candidate.visitorID]?.count ?? 0),
        candidate.reasons.sorted().map { tr("merge.reason." + $0.rawValue) }.joined(separator: ", "),
      ]
    }
    // The number is a reason to merge: as wide as the numbers listed, as far as names and reasons leave room.
    let phones = rows.map { $0[2] }
    let born = PhoneColumn.fixed(tr, "col.born", least: 4)
    let visits = PhoneColumn.fixed(tr, "col.visits", least: 3)
    let tableArea = Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2)
    let phone = PhoneColumn.width(
      tr, phones: phones, tableWidth: tableArea.width, others: born + visits + 5 + Self.minimumNamesAndReasons
    )
    let columns = [
      TableColumn(tr("col.name"), width: .fill(2)), TableColumn(tr("col.nationality"), width: .fill(1)),
      TableColumn(tr("col.phone"), width: .length(phone)), TableColumn(tr("col.born"), width: .length(born)),
      TableColumn(tr("col.visits"), width: .length(visits), alignment: .trailing),
      TableColumn(tr("col.why"), width: .fill(2)),
    ]
    var state = list
    state.pageSize = max(1, tableArea.height - 1)
    let table = Table(columns: columns, rows: rows, state: state)
    grid.render(table, in: tableArea)
    PhoneColumn.showWhole(
      phones, selected: list.selected,
      columnWidth: table.columnWidths(totalWidth: min(tableArea.width, Table.readableWidth))[2], into: &grid,
      row: Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: 1), tr: tr)
  }

  private func renderUnmerge(
    _ ids: [String], _ list: ListState, into grid: inout Grid, area: Rect, model: AppModel
  ) {
    let tr = model.tr
    let block = Block(title: tr("unmerge.title", model.name(visitorID)))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    grid.put(tr("unmerge.hint"), at: inner.origin, role: .muted, maxWidth: inner.width)
    let items = ids.map { id in
      let visitor = model.state.visitors[id]
      return id + "  " + (visitor?.fullName ?? "") + "  " + tr.country(visitor?.nationality)
    }
    grid.render(
      ListView(items: items, state: list),
      in: Rect(x: inner.x, y: inner.y + 2, width: inner.width, height: inner.height - 2))
  }

  /// Where the profile's lines go in the screen's `area` (inside its box), for drawing and paging alike.
  static func profileArea(in area: Rect) -> Rect { Block(title: "").inner(area).inset(horizontal: 1) }

  private func renderProfile(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("profile.title", model.name(visitorID)))
    grid.render(block, in: area)
    let inner = Self.profileArea(in: area)
    let all = lines(model, width: inner.width)
    let start = max(0, min(offset, all.count - inner.height))
    // A profile longer than its box says so on its last row, as a long sheet does.
    let more = all.count - start > inner.height
    for (row, line) in all.dropFirst(start).prefix(more ? inner.height - 1 : inner.height).enumerated() {
      grid.put(line.0, at: Point(x: inner.x, y: inner.y + row), role: line.1, maxWidth: inner.width)
    }
    if more, inner.height > 0 {
      grid.put(
        tr("sheet.more"), at: Point(x: inner.x, y: inner.maxY - 1), role: .muted, maxWidth: inner.width)
    }
    return nil
  }
}

extension ProfileScreen {
  /// Edit, merge, unmerge, consent and arrival from the profile; Esc closes a panel.
  public mutating func handle(_ command: Command, model: AppModel) -> Reaction {
    let state = model.state
    let tr = model.tr
    guard let visitor = state.canonicalVisitor(visitorID) else { return Reaction() }
    switch (command, mode) {
    case (.back, _):
      mode = .view
      error = nil
    case (.arrival, .view):
      return model.ticket(for: visitorID)
    case (.edit, .view):
      let values = [
        visitor.fullName, tr.country(visitor.nationality), visitor.phone ?? "",
        visitor.birthYear.map(String.init) ?? "", model.languageNames(visitor.languages),
      ]
      mode = .edit(
        FormState(
          values: values,
          limits: [
            Validation.maxNameLength, Validation.maxShortLength, Validation.maxShortLength, 4,
            Validation.maxNameLength,
          ], selected: false), original: values)
      error = nil
    case (.nextField, .edit(var form, let original)):
      form.focusNext()
      mode = .edit(form, original: original)
    case (.previousField, .edit(var form, let original)):
      form.focusPrevious()
      mode = .edit(form, original: original)
    case (.submit, .edit(let form, let original)):
      return saveVisitor(visitor, form: form, original: original, model: model)
    case (.merge, .view):
      let group = Set(state.mergedGroup(visitor.id))
      let candidates = model.search.duplicates(of: VisitorForm(visitor: visitor), in: state).filter {
        !group.contains($0.visitorID)
      }
      if candidates.isEmpty {
        return Reaction(notice: Notice(tr("merge.none"), role: .normal))
      } else {
        mode = .merge(candidates, ListState(count: candidates.count))
      }
    case (.submit, .merge(let candidates, let list)):
      if let index = list.selected, index < candidates.count {
        return Reaction(
          navigation: .overlay(.confirmMerge(keep: visitor.id, other: candidates[index].visitorID)))
      }
    case (.unmerge, .view):
      let merged = Array(state.mergedGroup(visitor.id).dropFirst())
      if merged.isEmpty {
        return Reaction(notice: Notice(tr("unmerge.none"), role: .normal))
      } else if merged.count == 1, let keep = state.visitors[merged[0]]?.mergedInto {
        return Reaction(navigation: .overlay(.confirmUnmerge(keep: keep, other: merged[0])))
      } else {
        mode = .unmerge(merged, ListState(count: merged.count))
      }
    case (.submit, .unmerge(let ids, let list)):
      if let index = list.selected, index < ids.count, let keep = state.visitors[ids[index]]?.mergedInto {
        return Reaction(navigation: .overlay(.confirmUnmerge(keep: keep, other: ids[index])))
      }
    case (.consent, .view):
      return Reaction(navigation: .overlay(.profileConsent(visitorID: visitor.id, share: nil)))
    default: break
    }
    return Reaction()
  }

  private mutating func saveVisitor(
    _ visitor: Visitor, form: FormState, original: [String], model: AppModel
  ) -> Reaction {
    let tr = model.tr
    let values = form.values.map { $0.text.trimmingCharacters(in: .whitespaces) }
    var edited = VisitorForm(visitor: visitor)
    edited.fullName = values[0]
    edited.phone = values[2].isEmpty ? nil : values[2]
    do {
      // The core's rules and words, as the CLI says them.
      if values[1] != original[1] { edited.nationality = try Validation.country(typed: values[1]) }
      edited.birthYear = try Validation.birthYear(typed: values[3], today: model.today)
    } catch let failure as GAIDeskError {
      error = tr.error(failure)
      return Reaction()
    } catch {
      return Reaction()
    }
    if values[4] != original[4] {
      do {
        edited.languages = try ReferenceData.shipped.languageCodes(in: values[4])
      } catch let failure as GAIDeskError {
        error = tr("edit.badLanguage", failure.args.first ?? values[4])
        return Reaction()
      } catch {
        return Reaction()
      }
    }
    error = nil
    return Reaction([.updateVisitor(id: visitor.id, form: edited)])
  }

  /// Typing in the edit form, arrows in the lists, and the profile scrolls by lines and pages.
  public mutating func input(_ key: KeyEvent, model: AppModel) -> Reaction {
    switch mode {
    case .edit(var form, let original):
      if form.handle(key) { error = nil }
      mode = .edit(form, original: original)
      return Reaction()
    case .merge(let candidates, var list):
      _ = list.handle(key)
      mode = .merge(candidates, list)
      return Reaction()
    case .unmerge(let ids, var list):
      _ = list.handle(key)
      mode = .unmerge(ids, list)
      return Reaction()
    case .view: break
    }
    let inner = Self.profileArea(in: model.bodyArea)
    let page = max(1, inner.height - 1)
    switch key {
    case .up: offset = max(0, offset - 1)
    case .down: offset += 1
    case .pageUp: offset = max(0, offset - page)
    case .pageDown: offset += page
    case .home: offset = 0
    default: break
    }
    let total = lines(model, width: inner.width).count
    offset = min(offset, max(0, total - inner.height))
    return Reaction()
  }
}

extension ProfileScreen {
  /// After a save from a panel, back to the profile itself.
  public mutating func completed(_ effect: Effect, result: EffectResult, model: AppModel) -> Reaction {
    switch effect {
    case .updateVisitor, .merge, .unmerge:
      mode = .view
      error = nil
    default: break
    }
    return Reaction()
  }

  /// A refused edit is said under the form, which keeps what was typed.
  public mutating func failed(_ effect: Effect, message: String) -> Bool {
    guard case .updateVisitor = effect else { return false }
    error = message
    return true
  }
}

extension Screen {
  /// A visitor's profile.
  public static func profile(_ screen: ProfileScreen) -> Screen { .custom(screen) }
}

extension AppModel {
  /// Language names in the interface language, for the edit form.
  func languageNames(_ codes: [String]) -> String {
    codes.map { ReferenceData.shipped.language($0)?.label(tr.language) ?? $0 }.joined(separator: ", ")
  }
}
