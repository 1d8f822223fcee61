import GAIDesk

/// Stable JSON shapes of the core's records for `--json`.
enum JSONView {
  static func visitor(_ v: Visitor) -> [String: Any] {
    var out: [String: Any] = ["id": v.id, "name": v.fullName, "aliases": v.aliases, "languages": v.languages]
    out["sex"] = v.sex?.rawValue
    out["birthYear"] = v.birthYear
    out["nationality"] = v.nationality
    out["phone"] = v.phone
    out["island"] = v.island
    out["municipality"] = v.municipality
    out["mergedInto"] = v.mergedInto
    if let d = v.document { out["document"] = ["type": d.type, "number": d.number] }
    if let c = v.consentToStore { out["consentToStore"] = consent(c) }
    if let c = v.consentToShare { out["consentToShare"] = consent(c) }
    return out
  }

  static func consent(_ c: Consent) -> [String: Any] {
    ["granted": c.granted, "date": c.date, "by": c.recordedBy]
  }

  static func visit(_ v: Visit, state: OfficeState) -> [String: Any] {
    var out: [String: Any] = [
      "id": v.id, "ticket": v.ticket, "day": v.day, "visitor": v.visitorID, "status": v.status.rawValue,
      "arrived": LocalTime.clock(v.arrivedAt), "topics": v.topics, "office": v.office,
    ]
    out["name"] = state.visitors[v.visitorID]?.fullName
    out["called"] = v.calledAt.map(LocalTime.clock)
    out["ended"] = v.endedAt.map(LocalTime.clock)
    out["desk"] = v.desk
    out["servedBy"] = v.servedBy
    out["outcome"] = v.outcome
    out["note"] = v.note
    return out
  }

  static func referral(_ r: Referral, today: String) -> [String: Any] {
    var out: [String: Any] = [
      "id": r.id, "visitor": r.visitorID, "partner": r.partner, "topic": r.topic, "status": r.status.rawValue,
      "created": LocalTime.day(r.createdAt), "overdue": r.isOverdue(endOf: today),
      "history": r.history.map { change -> [String: Any] in
        var item: [String: Any] = [
          "status": change.status.rawValue, "day": LocalTime.day(change.at), "by": change.by,
        ]
        item["reason"] = change.reason?.rawValue
        item["note"] = change.note
        return item
      },
    ]
    out["due"] = r.due
    out["note"] = r.note
    out["visit"] = r.visitID
    return out
  }

  static func followUp(_ f: FollowUp) -> [String: Any] {
    var out: [String: Any] = [
      "id": f.id, "visitor": f.visitorID, "on": f.on, "note": f.note, "done": f.doneAt != nil,
    ]
    out["doneDay"] = f.doneAt.map(LocalTime.day)
    return out
  }

  static func account(_ a: Account) -> [String: Any] {
    ["id": a.id, "name": a.name, "role": a.role.rawValue, "recovery": a.isRecovery]
  }
}
