import Foundation
import GAIDesk
import Testing

/// A hand-counted month: every figure below is worked out from these events by hand.
///
/// 2030-03-10: T6 (v1) arrives 14:00, called 14:02 by Ana (wait 120 s), closed 14:12 (service 600 s) on
/// entry.visa-information; referrals R2 (centro-saude, due 03-20) and R3 (def, due 03-05, then sent, accepted,
/// completed). Follow-up F2 on 03-10, done.
/// 2030-03-11: T1 v1 09:00, T2 v2 09:05, T3 v3 09:10, T4 v4 09:12; T1 called 09:15 by Ana (900 s), T2 called
/// 09:20 by Carlos (900 s); T1 closed 09:35 (1200 s) on residence.renewal + integration.health with R1 (def,
/// due 03-08); T2 closed 09:50 by Carlos (1800 s) on residence.renewal; T3 called 10:10 by Ana (3600 s), still
/// being served; T4 left 10:20; T5 v2 arrives 10:30, waiting. Follow-ups F1 on 03-11 and F3 on 03-12, open.
/// 2030-04-01: T7 v3 arrives and leaves (outside March).
final class HandCountedMonth {
  let f: FrontDeskFixture
  var v: [String] = []
  var r1 = "", r2 = "", r3 = ""
  var f1 = "", f2 = "", f3 = ""

  init() throws {
    f = try FrontDeskFixture()
    try f.addPerson("Carlos")
    v.append(try f.visitor("Aminata Fall", year: 1990, nationality: "SN", sex: .female))
    v.append(try f.visitor("Emeka Obi", year: 2000, nationality: "NG", sex: .male))
    v.append(try f.visitor("Mariama Baldé", year: 1960, nationality: "GW", sex: .female))
    v.append(try f.visitor("Sem Dados"))
    let d0 = "2030-03-10"
    let d1 = "2030-03-11"
    try f.at(d0, 14, 0) { _ in [.visitArrived(visitID: "T6", visitorID: self.v[0], day: d0, number: 1)] }
    try f.at(d0, 14, 2) { _ in [.visitCalled(visitID: "T6", desk: "1")] }
    try f.at(d0, 14, 12) { context in
      let a = try Office.referral(
        visitorID: self.v[0], partner: "centro-saude", topic: "integration.health", due: "2030-03-20",
        note: nil, visitID: "T6", context: &context)
      let b = try Office.referral(
        visitorID: self.v[0], partner: "def", topic: "entry.visa-information", due: "2030-03-05", note: nil,
        visitID: "T6", context: &context)
      if case .referralCreated(let id, _, _, _, _, _, _) = a { self.r2 = id }
      if case .referralCreated(let id, _, _, _, _, _, _) = b { self.r3 = id }
      return [.visitClosed(visitID: "T6", topics: ["entry.visa-information"], outcome: nil, note: nil), a, b]
    }
    try f.at(d0, 15, 0) { context in
      self.f2 = context.newID("F")
      return [
        .referralChanged(referralID: self.r3, status: .sent, reason: nil, note: nil),
        .referralChanged(referralID: self.r3, status: .accepted, reason: nil, note: nil),
        .referralChanged(referralID: self.r3, status: .completed, reason: nil, note: nil),
        .followUpAdded(followUpID: self.f2, visitorID: self.v[0], on: d0, note: "call"),
      ]
    }
    try f.at(d0, 15, 1) { _ in [.followUpDone(followUpID: self.f2)] }
    try f.at(d1, 9, 0) { _ in [.visitArrived(visitID: "T1", visitorID: self.v[0], day: d1, number: 1)] }
    try f.at(d1, 9, 5) { _ in [.visitArrived(visitID: "T2", visitorID: self.v[1], day: d1, number: 2)] }
    try f.at(d1, 9, 10) { _ in [.visitArrived(visitID: "T3", visitorID: self.v[2], day: d1, number: 3)] }
    try f.at(d1, 9, 12) { _ in [.visitArrived(visitID: "T4", visitorID: self.v[3], day: d1, number: 4)] }
    try f.at(d1, 9, 15, staff: "Ana") { _ in [.visitCalled(visitID: "T1", desk: "1")] }
    try f.at(d1, 9, 20, staff: "Carlos") { _ in [.visitCalled(visitID: "T2", desk: "2")] }
    try f.at(d1, 9, 35, staff: "Ana") { context in
      let r = try Office.referral(
        visitorID: self.v[0], partner: "def", topic: "residence.renewal", due: "2030-03-08", note: nil,
        visitID: "T1", context: &context)
      if case .referralCreated(let id, _, _, _, _, _, _) = r { self.r1 = id }
      return [
        .visitClosed(
          visitID: "T1", topics: ["residence.renewal", "integration.health"], outcome: nil, note: nil), r,
      ]
    }
    try f.at(d1, 9, 50, staff: "Carlos") { _ in
      [.visitClosed(visitID: "T2", topics: ["residence.renewal"], outcome: nil, note: nil)]
    }
    try f.at(d1, 10, 10, staff: "Ana") { _ in [.visitCalled(visitID: "T3", desk: "1")] }
    try f.at(d1, 10, 20) { _ in [.visitLeft(visitID: "T4")] }
    try f.at(d1, 10, 30) { context in
      self.f1 = context.newID("F")
      self.f3 = context.newID("F")
      return [
        .visitArrived(visitID: "T5", visitorID: self.v[1], day: d1, number: 5),
        .followUpAdded(followUpID: self.f1, visitorID: self.v[1], on: d1, note: "documents"),
        .followUpAdded(followUpID: self.f3, visitorID: self.v[2], on: "2030-03-12", note: "later"),
      ]
    }
    try f.at("2030-04-01", 9, 0) { _ in
      [.visitArrived(visitID: "T7", visitorID: self.v[2], day: "2030-04-01", number: 1)]
    }
    try f.at("2030-04-01", 9, 30) { _ in [.visitLeft(visitID: "T7")] }
  }
}

@Suite("Front desk: the supervisor's day and the authority's month")
struct FrontDeskReportTests {
  @Test("percentiles: median of two middles, nearest-rank 90th")
  func percentiles() {
    #expect(DurationStats([]).median == nil)
    #expect(DurationStats([5]) == DurationStats([5]))
    #expect(DurationStats([30, 10, 20]).median == 20)
    #expect(DurationStats([10, 20, 30, 40]).median == 25)
    #expect(DurationStats(Array(1...10)).p90 == 9)
    #expect(DurationStats(Array(1...11)).p90 == 10)
    #expect(DurationStats([7]).p90 == 7)
  }

  @Test("every figure of the day, against the hand count")
  func day() throws {
    let m = try HandCountedMonth()
    for state in [m.f.office.state, try m.f.reopen().state] {
      let day = DayReport(state: state, day: "2030-03-11", office: "praia")
      #expect(day.ticketsIssued == 5)
      #expect(day.waiting == 1)
      #expect(day.beingServed == 1)
      #expect(day.served == 2)
      #expect(day.left == 1)
      #expect(day.wait == DurationStats([900, 900, 3600]))
      #expect(day.wait.median == 900 && day.wait.p90 == 3600)
      #expect(day.service.median == 1500 && day.service.p90 == 1800 && day.service.count == 2)
      #expect(day.servedByStaff == [Tally("Ana", 1), Tally("Carlos", 1)])
      #expect(day.topics == [Tally("residence.renewal", 2), Tally("integration.health", 1)])
      #expect(day.referralsMade == [m.r1])
      #expect(day.overdueReferrals == [m.r1])
      #expect(day.followUpsDue == [m.f1])
    }
    let before = DayReport(state: m.f.office.state, day: "2030-03-10")
    #expect(before.ticketsIssued == 1 && before.served == 1)
    #expect(before.wait.median == 120 && before.service.median == 600)
    #expect(Set(before.referralsMade) == [m.r2, m.r3])
    #expect(before.overdueReferrals.isEmpty)
    #expect(before.followUpsDue.isEmpty)
  }

  @Test("every figure of the month, against the hand count")
  func month() throws {
    let m = try HandCountedMonth()
    let report = MonthReport(state: m.f.office.state, month: "2030-03", office: "praia")
    #expect(report.visits == 6)
    #expect(report.served == 3)
    #expect(report.left == 1)
    #expect(report.visitors == 4)
    #expect(report.byArea == [Tally("entry", 1), Tally("residence", 2), Tally("integration", 1)])
    #expect(
      report.byTopic == [
        Tally("residence.renewal", 2), Tally("entry.visa-information", 1), Tally("integration.health", 1),
      ])
    #expect(report.byNationality == [Tally("NG", 2), Tally("SN", 2), Tally("GW", 1), Tally("unknown", 1)])
    #expect(report.bySex == [Tally("F", 3), Tally("M", 2), Tally("X", 0), Tally("unknown", 1)])
    #expect(
      report.byAgeBand == [
        Tally("0-17", 0), Tally("18-24", 0), Tally("25-34", 2), Tally("35-44", 2), Tally("45-54", 0),
        Tally("55-64", 0),
        Tally("65+", 1), Tally("unknown", 1),
      ])
    #expect(report.referralsByStatus.first { $0.key == "created" }?.count == 2)
    #expect(report.referralsByStatus.first { $0.key == "completed" }?.count == 1)
    #expect(report.referralsByStatus.reduce(0) { $0 + $1.count } == 3)
    #expect(report.referralsByPartner.map(\.partner) == ["def", "centro-saude"])
    #expect(report.referralsByPartner[0].total == 2)
    #expect(
      report.referralsByPartner[0].byStatus.filter { $0.count > 0 } == [
        Tally("created", 1), Tally("completed", 1),
      ])
    #expect(report.wait.median == 900 && report.wait.p90 == 3600 && report.wait.count == 4)
    #expect(report.service.median == 1200 && report.service.p90 == 1800)
    let april = MonthReport(state: m.f.office.state, month: "2030-04")
    #expect(april.visits == 1 && april.left == 1 && april.served == 0)
  }

  @Test("CSV: UTF-8 with a BOM, a header block, ; and a decimal comma in pt and fr, waits in minutes")
  func csv() throws {
    let m = try HandCountedMonth()
    let report = MonthReport(state: m.f.office.state, month: "2030-03")
    let table = report.table(language: .portuguese, office: "praia")
    let text = table.csv(.default(for: .portuguese))
    #expect(text.hasPrefix("\u{FEFF}Relatório mensal 2030-03 — GAI Praia"), "\(text.prefix(300))")
    #expect(
      text.contains(
        "\r\nGabinete;praia\r\nConcelho;Praia\r\nIlha;Santiago\r\n"
          + "Período;2030-03-01;2030-03-31\r\n\r\nsecção;código;descrição;estado;valor\r\n"),
      "\(text.prefix(300))")
    let topic = ReferenceData.shipped.topic("residence.renewal")!.pt
    #expect(text.contains("\r\ntopic;residence.renewal;\(topic);;2\r\n"))
    #expect(text.contains("\r\nsummary;visits;Senhas emitidas;;6\r\n"))
    #expect(text.contains("\r\nsummary;wait-median;Espera mediana (min);;15,0\r\n"))
    #expect(text.contains("\r\nreferral-partner;def;Direção de Estrangeiros e Fronteiras;completed;1\r\n"))
    #expect(text.contains("\r\nsex;F;Mulheres;;3\r\n"))
    let english = report.table(language: .english, office: "praia").csv(.default(for: .english))
    #expect(english.contains("\r\nsex,F,Women,,3\r\n"))
    #expect(english.contains("\r\nsummary,wait-median,Median wait (min),,15.0\r\n"))
    let tabbed = table.csv(ReportTable.CSVStyle(separator: ",", decimalComma: true))
    #expect(tabbed.contains("\r\nsummary,wait-median,Espera mediana (min),,\"15,0\"\r\n"))
    let leap = MonthReport(state: m.f.office.state, month: "2028-02").table(
      language: .french, office: "praia")
    #expect(leap.header.last?.values == ["2028-02-01", "2028-02-29"] && leap.header.last?.label == "Période")
    let json = report.jsonObject()
    #expect(json["visits"] as? Int == 6)
    #expect(JSONSerialization.isValidJSONObject(json))
  }
}
