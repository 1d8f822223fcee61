import Foundation
import GAIDesk
import TerminalUI

/// A visitor's profile: details, visits, referrals and follow-ups.
public struct ProfileScreen {
  /// The visitor shown.
  let visitorID: String
  /// The first line shown.
  var offset = 0

  /// Shows `visitorID`.
  public init(visitorID: String) {
    self.visitorID = visitorID
  }

  func keyMap(_ tr: Translator) -> KeyMap<Command> {
    KeyMap(
      [
        KeyBinding(.character("a"), .arrival, help: tr("key.arrival")),
        KeyBinding(.escape, .back, help: tr("key.back")),
      ] + CommonKeys.bindings(tr, helpOnQuestionMark: true) + [
        KeyBinding(.character("q"), .quit, help: tr("key.quit"), hidden: true)
      ])
  }

  /// The profile as lines of text with their roles.
  func lines(_ model: AppModel, width: Int) -> [(String, Role)] {
    let tr = model.tr
    let state = model.state
    guard let visitor = state.canonicalVisitor(visitorID) else { return [(tr("profile.unknown"), .error)] }
    var out: [(String, Role)] = []
    let labels = [
      "profile.name", "profile.aliases", "profile.nationality", "profile.born", "profile.phone",
      "profile.languages",
      "profile.municipality", "profile.document", "profile.consentShare", "profile.id",
    ]
    let labelWidth = labels.map { tr($0).displayWidth }.max() ?? 0
    func field(_ key: String, _ value: String?) {
      guard let value, !value.isEmpty else { return }
      out.append((tr(key).padded(toWidth: labelWidth) + " " + value, .normal))
    }
    out.append((tr("profile.details"), .header))
    field("profile.name", visitor.fullName)
    field("profile.aliases", visitor.aliases.joined(separator: ", "))
    field("profile.nationality", visitor.nationality.map { tr.country($0) })
    field("profile.born", visitor.birthYear.map(String.init))
    field("profile.phone", visitor.phone)
    field(
      "profile.languages",
      visitor.languages.compactMap { ReferenceData.shipped.language($0)?.label(tr.language) }.joined(
        separator: ", "))
    field(
      "profile.municipality", visitor.municipality.flatMap { ReferenceData.shipped.municipality($0)?.name })
    field("profile.document", visitor.document.map { $0.type + " " + $0.number })
    let share =
      visitor.consentToShare.map { ($0.granted ? tr("answer.yes") : tr("answer.no")) + " (" + $0.date + ")" }
      ?? tr("profile.notAsked")
    field("profile.consentShare", share)
    field("profile.id", visitor.id)
    out.append(("", .normal))
    let group = Set(state.mergedGroup(visitor.id))
    let visits = group.flatMap { state.visitsByVisitor[$0] ?? [] }.compactMap { state.visits[$0] }.sorted {
      $0.arrivedAt > $1.arrivedAt
    }
    out.append((tr("profile.visits", String(visits.count)), .header))
    for visit in visits {
      let topics = visit.topics.map { tr.topic($0) }.joined(separator: "; ")
      var line = visit.day + " " + visit.ticket + "  " + tr("status." + visit.status.rawValue)
      if !topics.isEmpty { line += "  " + topics }
      if let outcome = visit.outcome { line += " — " + outcome }
      out.append((line, .normal))
      if let note = visit.note { out.append(("    " + note, .muted)) }
    }
    out.append(("", .normal))
    let referrals = state.allReferrals.filter { group.contains($0.visitorID) }
    out.append((tr("profile.referrals", String(referrals.count)), .header))
    for referral in referrals {
      let partner = model.directory.partner(referral.partner).map { $0.short ?? $0.name } ?? referral.partner
      let overdue = referral.isOverdue(today: model.today)
      let line = [
        partner, tr.topic(referral.topic), tr("referral." + referral.status.rawValue),
        referral.due.map { tr("profile.due", $0) } ?? "",
      ]
      .filter { !$0.isEmpty }.joined(separator: " · ")
      out.append((line + (overdue ? "  " + tr("referral.overdue") : ""), overdue ? .warning : .normal))
    }
    out.append(("", .normal))
    let followUps = state.allFollowUps.filter { group.contains($0.visitorID) }
    out.append((tr("profile.followUps", String(followUps.count)), .header))
    for followUp in followUps {
      let done = followUp.doneAt != nil ? tr("followUp.done") : tr("followUp.open")
      out.append((followUp.on + "  " + done + (followUp.note.isEmpty ? "" : "  " + followUp.note), .normal))
    }
    return out
  }

  func render(into grid: inout Grid, area: Rect, model: AppModel) -> Point? {
    let tr = model.tr
    let block = Block(title: tr("profile.title", model.name(visitorID)))
    grid.render(block, in: area)
    let inner = block.inner(area).inset(horizontal: 1)
    let all = lines(model, width: inner.width)
    let start = max(0, min(offset, all.count - inner.height))
    for (row, line) in all.dropFirst(start).prefix(inner.height).enumerated() {
      grid.put(line.0, at: Point(x: inner.x, y: inner.y + row), role: line.1, maxWidth: inner.width)
    }
    return nil
  }
}

extension AppModel {
  mutating func profileCommand(_ command: Command, _ s: inout ProfileScreen) -> [Effect] {
    if command == .arrival { return [.arrive(visitorID: s.visitorID)] }
    return []
  }

  func profileInput(_ key: KeyEvent, _ s: inout ProfileScreen) {
    let page = max(1, size.height - 6)
    switch key {
    case .up: s.offset = max(0, s.offset - 1)
    case .down: s.offset += 1
    case .pageUp: s.offset = max(0, s.offset - page)
    case .pageDown: s.offset += page
    case .home: s.offset = 0
    default: break
    }
    let total = s.lines(self, width: size.width).count
    s.offset = min(s.offset, max(0, total - 1))
  }
}
