import GAIDesk
import TerminalUI

/// One line of a sheet that makes a claim (a document or what to tell), by section and position.
struct SheetClaim: Equatable {
  /// Its section.
  let section: SheetSection
  /// Its position in the section (from 0).
  let index: Int
}

/// One drawn row of a sheet: its text, its role and the claim it shows (part of), if any.
struct SheetRow {
  /// The text.
  let text: String
  /// How it is drawn.
  let role: Role
  /// The claim this row shows (all of it, or part of it when it wraps).
  let claim: SheetClaim?
}

/// Draws a knowledge sheet: what to ask, which documents, what to tell, where to send; long ones scroll.
enum SheetView {
  /// The sheet's lines at `width`, in the interface language.
  static func lines(_ sheet: KnowledgeSheet, width: Int, model: AppModel) -> [(String, Role)] {
    rows(sheet, width: width, model: model, review: false).map { ($0.text, $0.role) }
  }

  /// The sheet's rows at `width`; with `review`, each claim says whether it is confirmed locally (✓) or is
  /// to confirm (!, as the core's review says).
  static func rows(_ sheet: KnowledgeSheet, width: Int, model: AppModel, review: Bool) -> [SheetRow] {
    let tr = model.tr
    let text = sheet.content(tr.language)
    var rows: [SheetRow] = []
    var sources: [Source] = []
    func section(_ title: String, _ items: [String], marks: [String] = [], claims: SheetSection? = nil) {
      rows.append(SheetRow(text: title, role: .header, claim: nil))
      for (number, item) in items.enumerated() {
        let mark = number < marks.count ? " " + marks[number] : ""
        let claim = claims.map { SheetClaim(section: $0, index: number) }
        var bullet = "• "
        var role = Role.normal
        if review, let claim {
          let pending = needsConfirming(sheet.topic, claim, model: model)
          bullet = pending ? "! " : "✓ "
          role = pending ? .warning : .normal
        }
        for (index, line) in (bullet + item + mark).wrapped(toWidth: max(1, width - 2)).enumerated() {
          rows.append(
            SheetRow(text: (index == 0 ? "" : "  ") + line, role: role, claim: claim))
        }
      }
    }
    func marks(_ section: SheetSection) -> [String] {
      section.lines(text).indices.map { index in
        switch model.directory.knowledge.backing(
          topic: sheet.topic, section: section, index: index, language: tr.language)
        {
        case .source(let source):
          if !sources.contains(source) { sources.append(source) }
          return "[\(sources.firstIndex(of: source)! + 1)]"
        case .toConfirm: return "[?]"
        case .office: return "[GAI]"
        }
      }
    }
    section(tr("sheet.ask"), text.ask)
    section(tr("sheet.documents"), text.documents, marks: marks(.documents), claims: .documents)
    section(tr("sheet.tell"), text.tell, marks: marks(.tell), claims: .tell)
    let partners = sheet.partners.compactMap { model.directory.partner($0) }.map { $0.short ?? $0.name }
    if !partners.isEmpty { section(tr("sheet.partners"), [partners.joined(separator: ", ")]) }
    // The key and the sources wrap like the items: nothing is cut at the sheet's edge.
    func note(_ text: String, indent: String = "") {
      for (index, line) in text.wrapped(toWidth: max(1, width - indent.count)).enumerated() {
        rows.append(SheetRow(text: (index == 0 ? "" : indent) + line, role: .muted, claim: nil))
      }
    }
    note(tr("sheet.sourcesKey"))
    if review { note(tr("review.key")) }
    for (number, source) in sources.enumerated() {
      note("[\(number + 1)] \(source.title) (\(tr.date(source.checked)))", indent: "    ")
    }
    return rows
  }

  /// The subject the core names `claim` of the sheet for `topic` by.
  static func subject(_ topic: String, _ claim: SheetClaim, model: AppModel) -> KnowledgeSubject? {
    model.directory.knowledge.subject(topic: topic, section: claim.section, index: claim.index)
  }

  /// The latest local confirmation of `claim`, if any.
  static func confirmation(_ topic: String, _ claim: SheetClaim, model: AppModel) -> LocalConfirmation? {
    subject(topic, claim, model: model).flatMap { model.state.confirmations[$0.key] }
  }

  /// Whether the core counts `claim` as to confirm today.
  static func needsConfirming(_ topic: String, _ claim: SheetClaim, model: AppModel) -> Bool {
    KnowledgeReview.needsConfirming(confirmation(topic, claim, model: model), today: model.today)
  }

  /// The first line shown once `key` (↑ ↓ a line, PgUp PgDn a page) moves a sheet of `rows` lines shown from
  /// `offset` in `height` rows, the last of which says when more follows; never past the last page.
  static func scrolled(_ offset: Int, by key: KeyEvent, rows: Int, height: Int) -> Int {
    let page = max(1, height - 1)
    let last = max(0, rows - page)
    let step = [.pageUp, .pageDown].contains(key) ? page : 1
    switch key {
    case .down, .pageDown: return min(last, offset + step)
    case .up, .pageUp: return max(0, min(last, offset - step))
    case .home: return 0
    case .end: return last
    default: return offset
    }
  }

  /// Draws the sheet from line `offset`; the last row says when more lines follow (and how to see them:
  /// PageDown where it scrolls, else `continues` or the sheet finder). With `selected`, the rows of that claim are
  /// highlighted and each claim says whether it is confirmed locally.
  static func render(
    _ sheet: KnowledgeSheet, into grid: inout Grid, area: Rect, model: AppModel, offset: Int? = nil,
    selected: SheetClaim? = nil, continues: String? = nil
  ) {
    let all = rows(sheet, width: area.width, model: model, review: selected != nil)
    let start = max(0, min(offset ?? 0, all.count - 1))
    let more = all.count - start > area.height
    let shown = Array(all.dropFirst(start).prefix(more ? area.height - 1 : area.height))
    for (row, line) in shown.enumerated() {
      let point = Point(x: area.x, y: area.y + row)
      if selected != nil, line.claim == selected {
        grid.put(line.text.padded(toWidth: area.width), at: point, role: .selected, maxWidth: area.width)
      } else {
        grid.put(line.text, at: point, role: line.role, maxWidth: area.width)
      }
    }
    if more, area.height > 0 {
      let hint = offset == nil ? continues ?? model.tr("sheet.continues") : model.tr("sheet.more")
      grid.put(hint, at: Point(x: area.x, y: area.maxY - 1), role: .muted, maxWidth: area.width)
    }
  }
}

extension AppModel {
  /// The core's review of the office's knowledge (what is confirmed locally, what is to confirm).
  var review: KnowledgeReview { KnowledgeReview(state: state, language: tr.language) }
}
