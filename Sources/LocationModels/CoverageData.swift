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
