import GAIDesk
import TerminalUI

extension PartnersView {
  /// The partners the tab lists: every active one, or only the entries the core counts as to confirm
  /// (never or not for 12 months), oldest first.
  static func shown(_ model: AppModel, toConfirm: Bool) -> [Partner] {
    guard toConfirm else { return model.directory.activePartners }
    return model.review.unconfirmed(today: model.today).compactMap { item in
      guard case .partner(let code) = item.subject else { return nil }
      return model.directory.partner(code)
    }
  }

  /// Whether the core counts the partner's entry as to confirm today.
  static func needsConfirming(_ code: String, model: AppModel) -> Bool {
    KnowledgeReview.needsConfirming(
      model.state.confirmations[KnowledgeSubject.partner(code: code).key], today: model.today)
  }

  /// What the partner's entry rests on: its source, or "to confirm".
  static func sourceLine(_ code: String, model: AppModel) -> (String, Role) {
    let tr = model.tr
    switch model.directory.partners.backing(code) {
    case .source(let source):
      return (tr("sources.entry") + ": \(source.title) (\(tr.date(source.checked)))", .muted)
    case .toConfirm: return (tr("labelled", tr("sources.entry"), tr("sources.toConfirm")), .warning)
    case .office: return (tr("labelled", tr("sources.entry"), tr("sources.office")), .warning)
    }
  }

  /// When the entry was last confirmed locally, by whom and how; a warning when never or over 12 months ago.
  static func confirmationLine(_ code: String, model: AppModel) -> (String, Role) {
    let tr = model.tr
    let subject = KnowledgeSubject.partner(code: code)
    guard let c = model.state.confirmations[subject.key] else {
      return (tr("partners.neverConfirmed"), .warning)
    }
    let confirmed =
      "✓ " + tr("sources.confirmed", tr.date(c.day), c.by, tr("confirm.how.\(c.method.rawValue)"))
    let text = c.note.map { tr("labelled", confirmed, $0) } ?? confirmed
    let stale = KnowledgeReview.isStale(c, today: model.today)
    return (text, stale ? .warning : .normal)
  }
}
