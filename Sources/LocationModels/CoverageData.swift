/// Sparse coverage a_ij = [c_ij ≤ radius] over allowed candidate sites (internal).
struct CoverageData: Sendable {
    let n: Int
    let m: Int
    /// Demand points covered by each candidate: `colRows[colStart[j]..<colStart[j+1]]`.
    let colStart: [Int]
    let colRows: [Int32]
    /// Allowed candidates covering each demand point: `rowCols[rowStart[i]..<rowStart[i+1]]`.
    let rowStart: [Int]
    let rowCols: [Int32]

    init(costs: CostMatrix, radius: Double, allowed: [Bool]) {
        let n = costs.demandCount, m = costs.candidateCount
        self.n = n
        self.m = m
        var rs = [Int](repeating: 0, count: n + 1)
        var rc: [Int32] = []
        var colCount = [Int](repeating: 0, count: m)
        for i in 0..<n {
            let base = i * m
            for j in 0..<m where allowed[j] {
                let c = costs.values[base + j]
                if c <= radius { rc.append(Int32(j)); colCount[j] += 1 }
            }
            rs[i + 1] = rc.count
        }
        var cs = [Int](repeating: 0, count: m + 1)
        for j in 0..<m { cs[j + 1] = cs[j] + colCount[j] }
        var fill = Array(cs[0..<m])
        var cr = [Int32](repeating: 0, count: rc.count)
        for i in 0..<n {
            for k in rs[i]..<rs[i + 1] {
                let j = Int(rc[k])
                cr[fill[j]] = Int32(i)
                fill[j] += 1
            }
        }
        rowStart = rs
        rowCols = rc
        colStart = cs
        colRows = cr
    }

    @inline(__always) func rows(of j: Int) -> ArraySlice<Int32> { colRows[colStart[j]..<colStart[j + 1]] }
    @inline(__always) func cols(of i: Int) -> ArraySlice<Int32> { rowCols[rowStart[i]..<rowStart[i + 1]] }
}

extension CoverageData {
    /// A set-covering instance given by the rows of every column (rows in `0..<rowCount`).
    init(rowCount: Int, columns: [[Int32]]) {
        n = rowCount
        m = columns.count
        var cs = [Int](repeating: 0, count: m + 1)
        var cr: [Int32] = []
        var rowLength = [Int](repeating: 0, count: rowCount)
        for (j, rows) in columns.enumerated() {
            for i in rows { cr.append(i); rowLength[Int(i)] += 1 }
            cs[j + 1] = cr.count
        }
        var rs = [Int](repeating: 0, count: rowCount + 1)
        for i in 0..<rowCount { rs[i + 1] = rs[i] + rowLength[i] }
        var fill = Array(rs[0..<rowCount])
        var rc = [Int32](repeating: 0, count: cr.count)
        for j in 0..<m {
            for k in cs[j]..<cs[j + 1] {
                let i = Int(cr[k])
                rc[fill[i]] = Int32(j)
                fill[i] += 1
            }
        }
        colStart = cs
        colRows = cr
        rowStart = rs
        rowCols = rc
    }

    /// The sub-instance of the `need` rows and `usable` columns, with the original column of each
    /// new column and the new index of each original column (−1 when left out).
    func restricted(need: [Bool], usable: [Bool]) -> (matrix: CoverageData, columnOf: [Int], indexOf: [Int]) {
        var rowIndex = [Int32](repeating: -1, count: n)
        var rowCount = 0
        for i in 0..<n where need[i] { rowIndex[i] = Int32(rowCount); rowCount += 1 }
        var columnOf: [Int] = []
        var indexOf = [Int](repeating: -1, count: m)
        var columns: [[Int32]] = []
        for j in 0..<m where usable[j] {
            let rows = rows(of: j).compactMap { rowIndex[Int($0)] >= 0 ? rowIndex[Int($0)] : nil }
            if rows.isEmpty { continue }
            indexOf[j] = columnOf.count
            columnOf.append(j)
            columns.append(rows)
        }
        return (CoverageData(rowCount: rowCount, columns: columns), columnOf, indexOf)
    }
}
