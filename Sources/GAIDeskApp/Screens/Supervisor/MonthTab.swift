import GAIDesk
import TerminalUI

/// The supervisor's month so far: the core's `MonthReport` (the figures of the CSV sent to the AAI), drawn.
enum MonthTab {
  static func render(into grid: inout Grid, area: Rect, model: AppModel) {
    let tr = model.tr
    let month = String(model.today.prefix(7))
    let report = model.reports.month(model.state, month: month, office: model.officeCode)
    let summary =
      report.summary(language: tr.language) + [
        ReportLine(tr("month.referrals"), String(report.referrals))
      ]
    let columns = ReportView.figuresAndCharts(summary, area: area)
    let left = Block(title: tr("month.title", LocalTime.shownMonth(month, language: tr.language)))
    grid.render(left, in: columns.figures)
    let inner = left.inner(columns.figures).inset(horizontal: 1)
    let areas = report.byArea.filter { $0.count > 0 }.map { tally in
      BarChart.Bar(
        ReferenceData.shipped.areas.first { $0.code == tally.key }?.label(tr.language) ?? tally.key,
        value: tally.count)
    }
    let parts = inner.splitRows([
      .length(ReportView.height(of: summary, width: inner.width)), .length(1), .length(1), .fill(1),
      .length(areas.isEmpty ? 0 : 1), .length(areas.count),
    ])
    ReportView.lines(summary, into: &grid, area: parts[0])
    grid.put(tr("month.perDay"), at: parts[2].origin, role: .header, maxWidth: parts[2].width)
    // The month's days so far, at most four rows high.
    let days = Int(model.today.suffix(2)) ?? 1
    let spark = Rect(x: parts[3].x, y: parts[3].y, width: parts[3].width, height: min(4, parts[3].height))
    if spark.height > 0 {
      grid.render(Sparkline(values: Array(report.visitsPerDay.prefix(max(1, days)))), in: spark)
    }
    if !areas.isEmpty, parts[5].height > 0 {
      grid.put(tr("month.byArea"), at: parts[4].origin, role: .header, maxWidth: parts[4].width)
      grid.render(BarChart(bars: areas, orientation: .horizontal), in: parts[5])
    }
    // The topics take the rows the partners leave (at most half); a list still cut says how many it leaves
    // out.
    let topics = report.byTopic.map { BarChart.Bar(tr.topic($0.key), value: $0.count) }
    let partners = report.referralsByPartner.map { entry in
      BarChart.Bar(
        model.directory.partner(entry.partner).map { $0.short ?? $0.name } ?? entry.partner,
        value: entry.total)
    }
    let partnersHeight = ReportView.boxHeight(partners.count, limit: columns.charts.height / 2)
    let right = columns.charts.splitRows([.fill(1), .length(partnersHeight)])
    // The command named is one that runs: with the month, as the screen writes it.
    let more = { (count: Int) in
      tr("month.more", String(count), LocalTime.shownMonth(month, language: tr.language))
    }
    ReportView.chartBox(
      tr("month.topics"), topics, into: &grid, area: right[0], empty: tr("dashboard.nothing"), more: more)
    ReportView.chartBox(
      tr("month.byPartner"), partners, into: &grid, area: right[1], empty: tr("dashboard.nothing"), more: more
    )
  }
}
