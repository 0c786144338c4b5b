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
        let n = costs.demandCount
        let m = costs.candidateCount
        self.n = n
        self.m = m
        var rs = [Int](repeating: 0, count: n + 1)
        var rc: [Int32] = []
        for i in 0..<n {
            let base = i * m
            for j in 0..<m where allowed[j] && costs.values[base + j] <= radius { rc.append(Int32(j)) }
            rs[i + 1] = rc.count
        }
        (colStart, colRows) = Self.transpose(start: rs, indices: rc, otherCount: m)
        rowStart = rs
        rowCols = rc
    }

    /// The other orientation of a compressed sparse 0-1 matrix: from the entries of each line
    /// (`indices[start[l]..<start[l+1]]`, values in `0..<otherCount`) to the lines holding each value,
    /// listed in ascending order.
    private static func transpose(start: [Int], indices: [Int32], otherCount: Int) -> (start: [Int], indices: [Int32]) {
        var length = [Int](repeating: 0, count: otherCount)
        for k in indices { length[Int(k)] += 1 }
        var ts = [Int](repeating: 0, count: otherCount + 1)
        for t in 0..<otherCount { ts[t + 1] = ts[t] + length[t] }
        var fill = Array(ts[0..<otherCount])
        var ti = [Int32](repeating: 0, count: indices.count)
        for line in 0..<(start.count - 1) {
            for k in start[line]..<start[line + 1] {
                let t = Int(indices[k])
                ti[fill[t]] = Int32(line)
                fill[t] += 1
            }
        }
        return (ts, ti)
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
        for (j, rows) in columns.enumerated() {
            cr.append(contentsOf: rows)
            cs[j + 1] = cr.count
        }
        (rowStart, rowCols) = Self.transpose(start: cs, indices: cr, otherCount: rowCount)
        colStart = cs
        colRows = cr
    }

    /// The sub-instance of the `need` rows and `usable` columns, with the original column of each
    /// new column and the new index of each original column (−1 when left out).
    func restricted(need: [Bool], usable: [Bool]) -> (matrix: CoverageData, columnOf: [Int], indexOf: [Int]) {
        var rowIndex = [Int32](repeating: -1, count: n)
        var rowCount = 0
        for i in 0..<n where need[i] {
            rowIndex[i] = Int32(rowCount)
            rowCount += 1
        }
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
