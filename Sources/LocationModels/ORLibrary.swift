/// Readers for OR-Library instances (J. E. Beasley, "OR-Library: distributing test problems by
/// electronic mail", JORS 41 (1990) 1069–1072). Parsing only: the caller supplies the text.
public enum ORLibrary {
    /// The most vertices read (OR-Library's largest is 900; 5,000 is a 200 MB matrix).
    public static let maximumVertices = 5_000

    /// Parses an OR-Library uncapacitated p-median file (`pmed1` … `pmed40`).
    ///
    /// Format: first line `n edges p`, then `i j cost` per undirected edge (1-based vertices).
    /// Edges repeat; they are read in order and the **last** cost of an edge wins (as Beasley's
    /// own note prescribes; taking the minimum gives wrong optima, e.g. 5718 instead of 5819 for
    /// pmed1). Costs are then completed by all-pairs shortest paths (Floyd–Warshall). Every
    /// vertex is a demand point of weight 1 and a candidate site; vertices in another component
    /// are unreachable.
    /// - Throws: `malformedORLibrary(line:)`, `emptyMatrix` when n = 0, `instanceTooLarge` when n is
    ///   above `maximumVertices` (checked before the n × n matrix is allocated).
    public static func parsePMedian(_ text: String) throws(LocationModelError) -> PMedianProblem {
        var numbers: [(Int, Int)] = []  // (value, line)
        numbers.reserveCapacity(text.utf8.count / 4)
        var line = 1
        var current = 0
        var inNumber = false
        for byte in text.utf8 {
            if byte >= 48 && byte <= 57 {
                current = current &* 10 &+ Int(byte - 48)
                if current > 1_000_000_000 { throw .malformedORLibrary(line: line) }
                inNumber = true
            } else {
                if inNumber {
                    numbers.append((current, line))
                    current = 0
                    inNumber = false
                }
                if byte == 10 {
                    line += 1
                } else if !(byte == 32 || byte == 9 || byte == 13) {
                    throw .malformedORLibrary(line: line)
                }
            }
        }
        if inNumber { numbers.append((current, line)) }
        guard numbers.count >= 3 else { throw .malformedORLibrary(line: 1) }
        let n = numbers[0].0
        let edges = numbers[1].0
        let p = numbers[2].0
        guard n > 0 else { throw .emptyMatrix }
        guard n <= maximumVertices else { throw .instanceTooLarge(size: n, limit: maximumVertices) }
        guard numbers.count >= 3 + 3 * edges else { throw .malformedORLibrary(line: line) }
        var dist = [Double](repeating: .infinity, count: n * n)
        for i in 0..<n { dist[i * n + i] = 0 }
        for e in 0..<edges {
            let (a, la) = numbers[3 + 3 * e]
            let (b, _) = numbers[4 + 3 * e]
            let (c, _) = numbers[5 + 3 * e]
            guard a >= 1, a <= n, b >= 1, b <= n else { throw .malformedORLibrary(line: la) }
            if a == b { continue }
            dist[(a - 1) * n + (b - 1)] = Double(c)
            dist[(b - 1) * n + (a - 1)] = Double(c)
        }
        floydWarshall(&dist, n)
        let matrix = try CostMatrix(demandCount: n, candidateCount: n) { i, j in
            let v = dist[i * n + j]
            return v.isFinite ? v : nil
        }
        return PMedianProblem(costs: matrix, weights: [Double](repeating: 1, count: n), p: p)
    }

    /// Parses `pmedopt.txt` (lines `pmedK value`) into a map from K to the published optimum.
    public static func parseOptima(_ text: String) -> [Int: Double] {
        var out: [Int: Double] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let parts = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard parts.count >= 2, parts[0].hasPrefix("pmed"), let k = Int(parts[0].dropFirst(4)),
                let v = Double(parts[1])
            else { continue }
            out[k] = v
        }
        return out
    }

    /// In-place Floyd–Warshall on a row-major n × n matrix (∞ = no path); rows of each pass are
    /// split over two threads (row k does not change during pass k).
    static func floydWarshall(_ dist: inout [Double], _ n: Int) {
        dist.withUnsafeMutableBufferPointer { dp in
            let d = SharedBuffer(base: dp.baseAddress!)
            let threads = n >= 200 ? 2 : 1
            for k in 0..<n {
                parallelChunks(count: n, threads: threads) { rows in
                    let rowK = d.base + k * n
                    for i in rows {
                        let dik = d[i * n + k]
                        if dik == .infinity { continue }
                        let rowI = d.base + i * n
                        for j in 0..<n {
                            rowI[j] = Swift.min(rowI[j], dik + rowK[j])
                        }
                    }
                }
            }
        }
    }
}
