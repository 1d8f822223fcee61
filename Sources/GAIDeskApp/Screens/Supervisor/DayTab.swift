import GAIDesk
import TerminalUI

/// The supervisor's day: the core's health warnings above its `DayReport`, drawn.
enum DayTab {
  static func render(into grid: inout Grid, area whole: Rect, model: AppModel) {
    let tr = model.tr
    let warnings = min(HealthView.lines(model).count, max(1, whole.height / 4))
    let rows = whole.splitRows([.length(warnings), .fill(1)])
    HealthView.render(into: &grid, area: rows[0].inset(horizontal: 1), model: model)
    let area = rows[1]
    let report = model.reports.day(model.state, day: model.today, office: model.officeCode)
    let columns = area.splitColumns([.fill(1), .fill(1)])
    let left = Block(title: tr("dashboard.title", tr.date(model.today)))
    grid.render(left, in: columns[0])
    let inner = left.inner(columns[0]).inset(horizontal: 1)
    ReportView.lines(report.summary(language: tr.language), into: &grid, area: inner)
    let right = columns[1].splitRows([.fill(1), .fill(1), .fill(1)])
    let hours = Block(title: tr("dashboard.byHour"))
    grid.render(hours, in: right[2])
    let chart = hours.inner(right[2]).inset(horizontal: 1)
    let perHour = report.arrivalsByHour
    let first = min(8, perHour.firstIndex { $0 > 0 } ?? 8)
    let shown = Array(first..<min(24, first + max(1, chart.width / 4)))
    grid.render(
      BarChart(bars: shown.map { BarChart.Bar(String($0), value: perHour[$0]) }, barWidth: 3), in: chart)
    let topics = report.topics.prefix(8).map { BarChart.Bar(tr.topic($0.key), value: $0.count) }
    ReportView.chartBox(
      tr("dashboard.topics"), topics, into: &grid, area: right[0], empty: tr("dashboard.nothing"))
    let staff = report.servedByStaff.prefix(8).map { BarChart.Bar($0.key, value: $0.count) }
    ReportView.chartBox(
      tr("dashboard.perStaff"), staff, into: &grid, area: right[1], empty: tr("dashboard.nothing"))
  }
}
