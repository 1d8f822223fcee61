import Foundation

extension MonthReport {
  /// One row of the exported report: a section, a code, its label in the chosen language, a referral status
  /// (referral rows only) and a value.
  public struct Row: Equatable, Sendable {
    /// Section: summary, area, topic, nationality, sex, age-band, referral-status, referral-partner.
    public let section: String
    /// The code counted.
    public let code: String
    /// Its label.
    public let label: String
    /// The referral status, for referral-partner rows.
    public let status: String
    /// The value (a count, or seconds for waits).
    public let value: Int
  }

  /// Every figure as rows, labels in `language`; partners by their name in `partners` (the office's
  /// directory, with the partners it added), else in the shipped directory.
  public func rows(language: Language, partners: [Partner] = []) -> [Row] {
    let reference = ReferenceData.shipped
    let strings = Strings.shared
    let directory = partners + PartnerDirectory.shipped
    var rows: [Row] = []
    func add(_ section: String, _ code: String, _ label: String, _ value: Int, status: String = "") {
      rows.append(Row(section: section, code: code, label: label, status: status, value: value))
    }
    func summary(_ code: String, _ value: Int?) {
      guard let value else { return }
      add("summary", code, strings.text("month.\(code)", language: language), value)
    }
    summary("visits", visits)
    summary("served", served)
    summary("left", left)
    summary("visitors", visitors)
    summary("wait-median", wait.median)
    summary("wait-p90", wait.p90)
    summary("service-median", service.median)
    summary("service-p90", service.p90)
    let unknown = strings.text("month.unknown", language: language)
    for t in byArea {
      add("area", t.key, reference.areas.first { $0.code == t.key }?.label(language) ?? unknown, t.count)
    }
    for t in byTopic { add("topic", t.key, reference.topic(t.key)?.label(language) ?? t.key, t.count) }
    for t in byNationality {
      add("nationality", t.key, reference.country(t.key)?.label(language) ?? unknown, t.count)
    }
    for t in bySex { add("sex", t.key, strings.text("sex.\(t.key)", language: language), t.count) }
    for t in byAgeBand { add("age-band", t.key, t.key == "unknown" ? unknown : t.key, t.count) }
    for t in referralsByStatus {
      add(
        "referral-status", t.key, strings.text("referral.\(t.key)", language: language), t.count,
        status: t.key)
    }
    for p in referralsByPartner {
      let name = directory.first { $0.code == p.partner }?.name ?? p.partner
      for s in p.byStatus where s.count > 0 {
        add("referral-partner", p.partner, name, s.count, status: s.key)
      }
    }
    return rows
  }

  /// The report as a JSON-ready dictionary (codes, counts, seconds).
  public func jsonObject() -> [String: Any] {
    func tallies(_ list: [Tally]) -> [[String: Any]] { list.map { ["code": $0.key, "count": $0.count] } }
    func stats(_ s: DurationStats) -> [String: Any] {
      var out: [String: Any] = ["count": s.count]
      out["medianSeconds"] = s.median
      out["p90Seconds"] = s.p90
      return out
    }
    return [
      "month": month, "visits": visits, "served": served, "left": left, "visitors": visitors,
      "byArea": tallies(byArea), "byTopic": tallies(byTopic), "byNationality": tallies(byNationality),
      "bySex": tallies(bySex), "byAgeBand": tallies(byAgeBand),
      "referralsByStatus": tallies(referralsByStatus),
      "referralsByPartner": referralsByPartner.map {
        ["partner": $0.partner, "total": $0.total, "byStatus": tallies($0.byStatus)]
      },
      "wait": stats(wait), "service": stats(service),
    ]
  }
}
