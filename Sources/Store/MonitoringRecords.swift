public import Domain

extension RegisterReader {
    /// Every indicator with its targets, by code.
    public func indicators() throws -> [Indicator] {
        let targets = try db.rows("SELECT * FROM indicator_targets ORDER BY indicator_code, year, id")
        var byCode: [String: [IndicatorTarget]] = [:]
        for row in targets {
            byCode[row["indicator_code"], default: []].append(
                IndicatorTarget(
                    value: row["value"], year: row["year"], yearAssumed: row["year_assumed"], areaID: row.optionalID("area_id"),
                    statement: row["statement"]))
        }
        return try db.rows("SELECT * FROM indicators ORDER BY rowid").map { row in
            let code: String = row["code"]
            let levels: String = row["levels"]
            let direction: String = row["direction"]
            let kind: String = row["kind"]
            return Indicator(
                code: code, nameZh: row["name_zh"], nameEn: row["name_en"], unit: row["unit"],
                levels: levels.split(separator: ",").compactMap { MonitoringMapping.tier(String($0)) },
                direction: IndicatorDirection(rawValue: direction) ?? .higherIsBetter,
                kind: IndicatorKind(storedText: kind) ?? .value, denominatorAssumed: row["denominator_assumed"],
                baselineValue: row["baseline_value"],
                baselineYear: row["baseline_year"], targets: byCode[code] ?? [], source: row["source"],
                yellowShare: row["yellow_share"], staleAfterYears: row["stale_after_years"], note: row["note"])
        }
    }

    /// Observations, optionally of one indicator, oldest period first.
    public func observations(indicator: String? = nil) throws -> [Observation] {
        let filter = indicator == nil ? "" : "WHERE indicator_code = ?"
        let arguments = indicator.map { [SQLValue.text($0)] } ?? []
        return try db.rows("SELECT * FROM observations \(filter) ORDER BY indicator_code, area_id, period", arguments)
            .compactMap { row in
                let period: String = row["period"]
                guard let parsed = Period(period) else { return nil }
                return Observation(
                    indicatorCode: row["indicator_code"], areaID: row.id("area_id"), period: parsed,
                    value: row["value"], source: row["source"], note: row["note"])
            }
    }

    /// Every validation rule.
    public func validationRules() throws -> [ValidationRule] {
        try db.rows("SELECT * FROM validation_rules ORDER BY id").compactMap { row in
            let kind: String = row["kind"]
            let check: ValidationRule.Check
            switch kind {
            case "range": check = .range(minimum: row["minimum"], maximum: row["maximum"])
            case "not_above": check = .notAbove(indicator: row["other_indicator"])
            case "township_sum": check = .townshipSumNotAboveCounty
            case "jump": check = .jump(maximumShare: row["share"])
            default: return nil
            }
            let severity: String = row["severity"]
            return ValidationRule(
                indicatorCode: row["indicator_code"], check: check,
                severity: ValidationRule.Severity(rawValue: severity) ?? .warning)
        }
    }

    /// The task checklist, by code.
    public func tasks() throws -> [PlanTask] {
        let links = try db.rows("SELECT * FROM task_indicators ORDER BY indicator_code")
        var byTask: [Int64: [String]] = [:]
        for row in links { byTask[row["task_id"], default: []].append(row["indicator_code"]) }
        return try db.rows("SELECT * FROM tasks ORDER BY code").map { row in
            let id: Int64 = row["id"]
            let status: String = row["status"]
            return PlanTask(
                code: row["code"], name: row["name"], ownerUnit: row["owner_unit"], start: row.partialDate("start"),
                deadline: row.partialDate("deadline"), deadlineAssumed: row["deadline_assumed"],
                status: TaskStatus(rawValue: status) ?? .unknown,
                percentComplete: row["percent_complete"], evidence: row["evidence"], indicatorCodes: byTask[id] ?? [],
                source: row["source"])
        }
    }
}

extension RegisterWriter {
    /// Inserts or replaces an indicator (by code) and replaces its targets.
    public func save(_ indicator: Indicator) throws {
        try db.execute(
            """
            INSERT INTO indicators (code, name_zh, name_en, unit, levels, direction, kind, denominator_assumed,
                baseline_value, baseline_year, source, yellow_share, stale_after_years, note)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name_zh = excluded.name_zh, name_en = excluded.name_en,
                unit = excluded.unit, levels = excluded.levels, direction = excluded.direction, kind = excluded.kind,
                denominator_assumed = excluded.denominator_assumed,
                baseline_value = excluded.baseline_value, baseline_year = excluded.baseline_year,
                source = excluded.source, yellow_share = excluded.yellow_share,
                stale_after_years = excluded.stale_after_years, note = excluded.note
            """,
            indicator.code, indicator.nameZh, indicator.nameEn, indicator.unit,
            indicator.levels.map(MonitoringMapping.text).joined(separator: ","), indicator.direction.rawValue,
            indicator.kind.storedText, indicator.denominatorAssumed, indicator.baselineValue, indicator.baselineYear, indicator.source,
            indicator.yellowShare, indicator.staleAfterYears, indicator.note)
        let stored = try db.rows("SELECT * FROM indicator_targets WHERE indicator_code = ?", indicator.code)
            .map {
                IndicatorTarget(
                    value: $0["value"], year: $0["year"], yearAssumed: $0["year_assumed"], areaID: $0.optionalID("area_id"),
                    statement: $0["statement"])
            }
        if Set(stored) != Set(indicator.targets) {
            try db.execute("DELETE FROM indicator_targets WHERE indicator_code = ?", indicator.code)
            for t in indicator.targets {
                try db.execute(
                    "INSERT INTO indicator_targets (indicator_code, area_id, value, year, year_assumed, statement) VALUES (?, ?, ?, ?, ?, ?)",
                    indicator.code, t.areaID?.rawValue, t.value, t.year, t.yearAssumed, t.statement)
            }
        }
    }

    /// Inserts an observation or replaces the value of the same indicator, area and period;
    /// returns the value it replaced, nil for a new one (the audit log keeps both).
    @discardableResult
    public func save(_ o: Observation) throws -> Double? {
        let existing = try db.row(
            "SELECT id, value FROM observations WHERE indicator_code = ? AND area_id = ? AND period = ?", o.indicatorCode,
            o.areaID.rawValue, o.period.description)
        if let existing {
            let id: Int64 = existing["id"]
            try db.execute("UPDATE observations SET value = ?, source = ?, note = ? WHERE id = ?", o.value, o.source, o.note, id)
            return existing["value"] as Double
        }
        try db.execute(
            "INSERT INTO observations (indicator_code, area_id, period, value, source, note) VALUES (?, ?, ?, ?, ?, ?)",
            o.indicatorCode, o.areaID.rawValue, o.period.description, o.value, o.source, o.note)
        return nil
    }

    /// Adds a validation rule.
    public func add(_ rule: ValidationRule) throws {
        var minimum: Double?
        var maximum: Double?
        var other: String?
        var share: Double?
        let kind: String
        switch rule.check {
        case .range(let lo, let hi): (kind, minimum, maximum) = ("range", lo, hi)
        case .notAbove(let indicator): (kind, other) = ("not_above", indicator)
        case .townshipSumNotAboveCounty: kind = "township_sum"
        case .jump(let s): (kind, share) = ("jump", s)
        }
        try db.execute(
            "INSERT INTO validation_rules (indicator_code, kind, minimum, maximum, other_indicator, share, severity) VALUES (?, ?, ?, ?, ?, ?, ?)",
            rule.indicatorCode, kind, minimum, maximum, other, share, rule.severity.rawValue)
    }

    /// Inserts or updates a task (by code) and replaces its indicator links.
    public func save(_ task: PlanTask) throws {
        try db.execute(
            """
            INSERT INTO tasks (code, name, owner_unit, start, deadline, deadline_assumed, status, percent_complete,
                evidence, source)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT(code) DO UPDATE SET name = excluded.name, owner_unit = excluded.owner_unit,
                start = excluded.start, deadline = excluded.deadline, deadline_assumed = excluded.deadline_assumed,
                status = excluded.status,
                percent_complete = excluded.percent_complete, evidence = excluded.evidence, source = excluded.source
            """,
            task.code, task.name, task.ownerUnit, task.start?.description, task.deadline?.description, task.deadlineAssumed,
            task.status.rawValue, task.percentComplete, task.evidence, task.source)
        guard let id = try db.value(Int64.self, "SELECT id FROM tasks WHERE code = ?", task.code) else {
            throw StoreError.notFound("tasks \(task.code)")
        }
        let stored = Set(try db.values(String.self, "SELECT indicator_code FROM task_indicators WHERE task_id = ?", id))
        if stored != Set(task.indicatorCodes) {
            try db.execute("DELETE FROM task_indicators WHERE task_id = ?", id)
            for code in Set(task.indicatorCodes).sorted() {
                try db.execute("INSERT INTO task_indicators (task_id, indicator_code) VALUES (?, ?)", id, code)
            }
        }
    }
}

/// Text forms of monitoring values in the database.
enum MonitoringMapping {
    static func text(_ tier: DivisionTier) -> String {
        switch tier {
        case .county: "county"
        case .township: "township"
        case .village: "village"
        }
    }

    static func tier(_ text: String) -> DivisionTier? {
        switch text {
        case "county": .county
        case "township": .township
        case "village": .village
        default: nil
        }
    }
}
