/// Row-weighting local search for unicost set covering (internal).
///
/// RWLS of C. Gao, T. Weise and J. Li, "An efficient local search heuristic with row weighting for
/// the unicost set covering problem", EJOR 246 (2015) 750–761:
///
/// * every row has a weight (initially 1); a column in the cover scores −Σ weight of the rows only it
///   covers, a column outside scores +Σ weight of the uncovered rows it covers;
/// * whenever the cover is complete it is recorded and its highest-scoring column removed, so the
///   search always looks for a cover one column smaller than the best;
/// * each step removes the highest-scoring column of the cover (not the one added last; ties: the
///   least recently moved), picks a random uncovered row and adds its highest-scoring column among
///   those allowed by *configuration checking* (a removed column may return only after a column
///   sharing a row with it has changed state), then adds 1 to the weight of every uncovered row.
///
/// The weights steer the search towards rows that are hard to cover; it needs no restarts.
struct SetCoverLocalSearch {
    let a: CoverageData
    private var weight: [Int]
    private var covered: [Int32]
    /// Sum of the chosen columns covering a row: the sole coverer when `covered` is 1.
    private var coverSum: [Int]
    private var score: [Int]
    private var solution: [Int32] = []
    private var solutionPos: [Int32]
    private var uncovered: [Int32] = []
    private var uncoveredPos: [Int32]
    private var stamp: [Int]
    private var canAdd: [Bool]

    init(matrix: CoverageData) {
        a = matrix
        weight = [Int](repeating: 1, count: a.n)
        covered = [Int32](repeating: 0, count: a.n)
        coverSum = [Int](repeating: 0, count: a.n)
        score = [Int](repeating: 0, count: a.m)
        solutionPos = [Int32](repeating: -1, count: a.m)
        uncoveredPos = [Int32](repeating: -1, count: a.n)
        stamp = [Int](repeating: 0, count: a.m)
        canAdd = [Bool](repeating: true, count: a.m)
    }

    /// Runs from the cover `start` for at most `maxSteps` steps (a removal and an addition each),
    /// stopping early once a cover of at most `target` columns is found; returns the best cover
    /// and the steps made.
    mutating func run(
        start: [Int], target: Int, maxSteps: Int, rng: inout Xoshiro256StarStar,
        stop: () -> Bool
    ) -> (cover: [Int], steps: Int) {
        reset(start)
        var best = start
        var step = 0
        var tabu = -1
        while best.count > target {
            if uncovered.isEmpty {
                if solution.count < best.count {
                    best = solution.map { Int($0) }
                    if best.count <= target { break }
                }
                // look for a cover one column smaller
                guard let j = bestToRemove(tabu: -1) else { break }
                remove(j)
                stamp[j] = step
                continue
            }
            if step >= maxSteps || (step & 1023 == 1023 && stop()) { break }
            step += 1
            if let j = bestToRemove(tabu: tabu) {
                remove(j)
                stamp[j] = step
            }
            let k = bestToAdd(row: Int(uncovered[rng.nextInt(uncovered.count)]))
            add(k)
            stamp[k] = step
            tabu = k
            for r in uncovered {
                let i = Int(r)
                weight[i] += 1
                for t in a.cols(of: i) { score[Int(t)] += 1 }
            }
        }
        return (best.sorted(), step)
    }

    private mutating func reset(_ start: [Int]) {
        for j in start {
            solutionPos[j] = Int32(solution.count)
            solution.append(Int32(j))
            for i in a.rows(of: j) {
                covered[Int(i)] += 1
                coverSum[Int(i)] += j
            }
        }
        for i in 0..<a.n {
            if covered[i] == 0 {
                uncoveredPos[i] = Int32(uncovered.count)
                uncovered.append(Int32(i))
                for t in a.cols(of: i) { score[Int(t)] += 1 }
            } else if covered[i] == 1 {
                score[coverSum[i]] -= 1
            }
        }
    }

    /// The highest-scoring column of the cover other than `tabu`; ties: the least recently moved.
    private func bestToRemove(tabu: Int) -> Int? {
        var best = -1
        var bestScore = Int.min
        var bestStamp = Int.max
        for jj in solution {
            let j = Int(jj)
            if j == tabu { continue }
            if score[j] > bestScore || (score[j] == bestScore && stamp[j] < bestStamp) {
                best = j
                bestScore = score[j]
                bestStamp = stamp[j]
            }
        }
        if best < 0 && tabu >= 0 && solution.count == 1 { return tabu }
        return best < 0 ? nil : best
    }

    /// The highest-scoring column of row `e` allowed by configuration checking (any if none is).
    private func bestToAdd(row e: Int) -> Int {
        var best = -1
        var bestScore = Int.min
        var bestStamp = Int.max
        var fallback = -1
        var fallbackScore = Int.min
        for t in a.cols(of: e) {
            let j = Int(t)
            let sc = score[j]
            if canAdd[j] {
                if sc > bestScore || (sc == bestScore && stamp[j] < bestStamp) {
                    best = j
                    bestScore = sc
                    bestStamp = stamp[j]
                }
            } else if sc > fallbackScore {
                fallback = j
                fallbackScore = sc
            }
        }
        return best >= 0 ? best : fallback
    }

    private mutating func add(_ j: Int) {
        solutionPos[j] = Int32(solution.count)
        solution.append(Int32(j))
        var own = 0
        for r in a.rows(of: j) {
            let i = Int(r)
            let w = weight[i]
            let c = covered[i]
            if c == 0 {
                // the row becomes covered: the columns outside the cover lose it
                let pos = Int(uncoveredPos[i])
                let last = uncovered.removeLast()
                if Int(last) != i {
                    uncovered[pos] = last
                    uncoveredPos[Int(last)] = Int32(pos)
                }
                uncoveredPos[i] = -1
                for t in a.cols(of: i) {
                    let q = Int(t)
                    canAdd[q] = true
                    if q != j { score[q] -= w }
                }
                own -= w
            } else {
                if c == 1 { score[coverSum[i]] += w }
                for t in a.cols(of: i) { canAdd[Int(t)] = true }
            }
            covered[i] = c + 1
            coverSum[i] += j
        }
        score[j] = own
    }

    private mutating func remove(_ j: Int) {
        let pos = Int(solutionPos[j])
        let last = solution.removeLast()
        if Int(last) != j {
            solution[pos] = last
            solutionPos[Int(last)] = Int32(pos)
        }
        solutionPos[j] = -1
        var own = 0
        for r in a.rows(of: j) {
            let i = Int(r)
            let w = weight[i]
            let c = covered[i] - 1
            covered[i] = c
            coverSum[i] -= j
            if c == 0 {
                // the row becomes uncovered: every column of it gains it
                uncoveredPos[i] = Int32(uncovered.count)
                uncovered.append(Int32(i))
                for t in a.cols(of: i) {
                    let q = Int(t)
                    canAdd[q] = true
                    if q != j { score[q] += w }
                }
                own += w
            } else {
                if c == 1 { score[coverSum[i]] -= w }
                for t in a.cols(of: i) { canAdd[Int(t)] = true }
            }
        }
        score[j] = own
        canAdd[j] = false
    }
}
