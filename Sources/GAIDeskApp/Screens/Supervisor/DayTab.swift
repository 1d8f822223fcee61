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
    let summary = report.summary(language: tr.language)
    let columns = ReportView.figuresAndCharts(summary, area: area)
    let left = Block(title: tr("dashboard.title", tr.date(model.today)))
    grid.render(left, in: columns.figures)
    let inner = left.inner(columns.figures).inset(horizontal: 1)
    ReportView.lines(summary, into: &grid, area: inner)
    // The topics and the staff take the rows they need (the topics first), the chart of arrivals the rest,
    // at least seven rows; a list still cut says how many it leaves out.
    let topics = report.topics.map { BarChart.Bar(tr.topic($0.key), value: $0.count) }
    let staff = report.servedByStaff.map { BarChart.Bar($0.key, value: $0.count) }
    let charts = columns.charts
    let staffHeight = ReportView.boxHeight(staff.count, limit: charts.height / 3)
    let topicsHeight = ReportView.boxHeight(topics.count, limit: charts.height - staffHeight - 7)
    let right = charts.splitRows([.length(topicsHeight), .length(staffHeight), .fill(1)])
    let hours = Block(title: tr("dashboard.byHour"))
    grid.render(hours, in: right[2])
    let chart = hours.inner(right[2]).inset(horizontal: 1)
    let perHour = report.arrivalsByHour
    let (shown, barWidth) = Self.hours(perHour, width: chart.width)
    grid.render(
      BarChart(bars: shown.map { BarChart.Bar(String($0), value: perHour[$0]) }, barWidth: barWidth),
      in: chart)
    let more = { (count: Int) in tr("dashboard.more", String(count)) }
    ReportView.chartBox(
      tr("dashboard.topics"), topics, into: &grid, area: right[0], empty: tr("dashboard.nothing"), more: more)
    ReportView.chartBox(
      tr("dashboard.perStaff"), staff, into: &grid, area: right[1], empty: tr("dashboard.nothing"), more: more
    )
  }

  /// The hours the chart shows in `width` columns and how wide their bars are: from 8 o'clock (earlier for an
  /// early arrival), moved later when people came after the last hour shown, with narrower bars when that
  /// keeps every arrival on the chart.
  static func hours(_ perHour: [Int], width: Int) -> (hours: Range<Int>, barWidth: Int) {
    let busy = perHour.indices.filter { perHour[$0] > 0 }
    func window(_ count: Int) -> Range<Int> {
      var first = min(8, busy.first ?? 8)
      if let earliest = busy.first, let latest = busy.last, latest >= first + count {
        first = min(earliest, latest - count + 1)
      }
      first = max(0, min(first, perHour.count - count))
      return first..<min(perHour.count, first + count)
    }
    let wide = window(max(1, width / 4))
    if busy.allSatisfy(wide.contains) { return (wide, 3) }
    return (window(max(1, width / 3)), 2)
  }
}
