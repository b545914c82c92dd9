"""Build extract/data/agencies.tsv, the agency gazetteer the task extractor resolves names with.

Two sources, both reproducible offline:
1. CURATED: generic knowledge of a Vietnamese province's agencies, their canonical names
   and the abbreviations plans use (Sở LĐTBXH, VP UBND tỉnh, BHXH tỉnh, NHNN …). Names are
   generic ("Công an tỉnh", "UBND cấp huyện"): never a province's own name.
2. The corpus: owner phrases of every plan ("Cơ quan chủ trì/phối hợp" lines, owner
   columns of task tables, per-agency section headings) are split and made generic; a
   phrase close to a curated entry becomes one of its aliases, a phrase that starts like
   an agency name and matches nothing becomes a new entry (kind "corpus") and is listed
   on stderr for review.

Run: ``python -m extract.build_gazetteer [corpus_dir] [-o extract/data/agencies.tsv]``.
"""

from __future__ import annotations

import argparse
import collections
import csv
import sys
from pathlib import Path

# canonical | aliases (|-separated) | kind
CURATED: list[tuple[str, str, str]] = [
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh|Uỷ ban nhân dân tỉnh", "tỉnh"),
    ("Văn phòng UBND tỉnh", "VP UBND tỉnh|VPUBND tỉnh|VP UBND|VPUBND|Văn phòng Ủy ban nhân dân tỉnh|Văn phòng UBND|"
     "Văn phòng Uỷ ban nhân dân tỉnh|VP Ủy ban nhân dân tỉnh|VPUB tỉnh", "văn phòng"),
    ("Công an tỉnh", "CA tỉnh|Công an tỉnh - Cơ quan thường trực", "công an"),
    ("Sở Nội vụ", "SNV", "sở"),
    ("Sở Tư pháp", "STP", "sở"),
    ("Sở Tài chính", "STC", "sở"),
    ("Sở Kế hoạch và Đầu tư", "Sở KH&ĐT|Sở KHĐT|Sở KH và ĐT|Sở Kế hoạch - Đầu tư|Sở KH-ĐT", "sở"),
    ("Sở Thông tin và Truyền thông", "Sở TT&TT|Sở TTTT|Sở TT và TT|Sở Thông tin - Truyền thông|Sở TT-TT", "sở"),
    ("Sở Lao động - Thương binh và Xã hội", "Sở LĐTBXH|Sở LĐ-TB&XH|Sở LĐTB&XH|Sở Lao động, Thương binh và Xã hội|"
     "Sở Lao động Thương binh và Xã hội|Sở LĐ-TBXH|Sở LĐ, TB&XH|Sở Lao động- Thương binh và Xã hội", "sở"),
    ("Sở Y tế", "SYT", "sở"),
    ("Sở Giáo dục và Đào tạo", "Sở GD&ĐT|Sở GDĐT|Sở GD và ĐT|Sở GD-ĐT", "sở"),
    ("Sở Tài nguyên và Môi trường", "Sở TN&MT|Sở TNMT|Sở Tài nguyên - Môi trường|Sở TN-MT", "sở"),
    ("Sở Xây dựng", "SXD", "sở"),
    ("Sở Giao thông vận tải", "Sở GTVT|Sở Giao thông - Vận tải|Sở Giao thông Vận tải", "sở"),
    ("Sở Công Thương", "Sở Công thương|Sở CT", "sở"),
    ("Sở Nông nghiệp và Phát triển nông thôn", "Sở NN&PTNT|Sở NNPTNT|Sở NN và PTNT|Sở Nông nghiệp - Phát triển nông thôn", "sở"),
    ("Sở Khoa học và Công nghệ", "Sở KH&CN|Sở KHCN|Sở KH và CN|Sở Khoa học - Công nghệ", "sở"),
    ("Sở Văn hóa, Thể thao và Du lịch", "Sở VHTTDL|Sở VH,TT&DL|Sở VHTT&DL|Sở Văn hóa Thể thao và Du lịch|"
     "Sở Văn hoá, Thể thao và Du lịch|Sở VH-TT&DL", "sở"),
    ("Sở Văn hóa và Thể thao", "Sở VH&TT", "sở"),
    ("Sở Du lịch", "", "sở"),
    ("Sở Ngoại vụ", "", "sở"),
    ("Sở Nông nghiệp và Môi trường", "Sở NN&MT|Sở NNMT|Sở Nông nghiệp - Môi trường", "sở"),
    ("Sở Dân tộc và Tôn giáo", "Sở DT&TG", "sở"),
    ("Văn phòng Đoàn ĐBQH và HĐND tỉnh", "Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh|VP Đoàn ĐBQH và HĐND tỉnh",
     "văn phòng"),
    ("Cục Quản lý thị trường tỉnh", "Cục QLTT tỉnh", "trung ương tại tỉnh"),
    ("Trường Chính trị tỉnh", "", "khác"),
    ("Hội Chữ thập đỏ tỉnh", "Hội CTĐ tỉnh", "đoàn thể"),
    ("Liên hiệp các Hội Khoa học và Kỹ thuật tỉnh", "Liên hiệp các hội KH&KT tỉnh", "đoàn thể"),
    ("Ban Chỉ đạo chuyển đổi số tỉnh", "BCĐ chuyển đổi số tỉnh", "tỉnh"),
    ("Thanh tra tỉnh", "", "sở"),
    ("Ban Dân tộc tỉnh", "Ban Dân tộc", "sở"),
    ("Ban Quản lý các khu công nghiệp tỉnh", "Ban Quản lý các KCN tỉnh|Ban Quản lý khu kinh tế tỉnh", "sở"),
    ("Trung tâm Phục vụ hành chính công tỉnh", "Trung tâm PVHCC tỉnh|Trung tâm Hành chính công tỉnh|"
     "Trung tâm Phục vụ hành chính công", "văn phòng"),
    ("Bảo hiểm xã hội tỉnh", "BHXH tỉnh|BHXH|Bảo hiểm XH tỉnh", "trung ương tại tỉnh"),
    ("Ngân hàng Nhà nước chi nhánh tỉnh", "NHNN|NHNN chi nhánh tỉnh|Ngân hàng Nhà nước|Ngân hàng nhà nước|"
     "Ngân hàng Nhà nước Việt Nam chi nhánh tỉnh|Ngân hàng nhà nước Việt Nam CN tỉnh|NHNN Việt Nam chi nhánh tỉnh|"
     "NHNN CN tỉnh|Ngân hàng Nhà nước Việt Nam|Ngân hàng Nhà nước tỉnh", "trung ương tại tỉnh"),
    ("Cục Thuế tỉnh", "Cục thuế tỉnh|Cục Thuế", "trung ương tại tỉnh"),
    ("Kho bạc Nhà nước tỉnh", "KBNN tỉnh|KBNN|Kho bạc nhà nước tỉnh", "trung ương tại tỉnh"),
    ("Cục Thống kê tỉnh", "Cục Thống kê", "trung ương tại tỉnh"),
    ("Cục Hải quan tỉnh", "", "trung ương tại tỉnh"),
    ("Cục Thi hành án dân sự tỉnh", "Cục THADS tỉnh", "tư pháp"),
    ("Tòa án nhân dân tỉnh", "TAND tỉnh|Toà án nhân dân tỉnh", "tư pháp"),
    ("Viện kiểm sát nhân dân tỉnh", "VKSND tỉnh|Viện Kiểm sát nhân dân tỉnh", "tư pháp"),
    ("Bộ Chỉ huy Quân sự tỉnh", "BCH Quân sự tỉnh|Bộ CHQS tỉnh|BCHQS tỉnh", "lực lượng vũ trang"),
    ("Bộ Chỉ huy Bộ đội Biên phòng tỉnh", "BĐBP tỉnh|Bộ đội Biên phòng tỉnh|BCH BĐBP tỉnh", "lực lượng vũ trang"),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "UBMTTQ tỉnh|UBMTTQVN tỉnh|Ủy ban MTTQ tỉnh|Ủy ban MTTQ Việt Nam tỉnh|UBMTTQ|"
     "Ủy ban Mặt trận Tổ quốc tỉnh|Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh|MTTQ tỉnh|Ủy ban Mặt trận Tổ quốc", "đoàn thể"),
    ("Các tổ chức chính trị - xã hội tỉnh", "các tổ chức chính trị - xã hội|các tổ chức chính trị - xã hội tỉnh", "đoàn thể"),
    ("Tỉnh đoàn", "Tỉnh Đoàn|Đoàn Thanh niên Cộng sản Hồ Chí Minh tỉnh|Tỉnh đoàn thanh niên", "đoàn thể"),
    ("Hội Liên hiệp Phụ nữ tỉnh", "Hội LHPN tỉnh|Hội Liên hiệp Phụ nữ|Hội Phụ nữ tỉnh", "đoàn thể"),
    ("Hội Nông dân tỉnh", "Hội ND tỉnh|Hội Nông dân", "đoàn thể"),
    ("Hội Cựu chiến binh tỉnh", "Hội CCB tỉnh|Hội Cựu chiến binh", "đoàn thể"),
    ("Hội Người cao tuổi tỉnh", "Hội người cao tuổi|Hội Người cao tuổi|Hội NCT tỉnh", "đoàn thể"),
    ("Liên đoàn Lao động tỉnh", "LĐLĐ tỉnh", "đoàn thể"),
    ("Liên minh Hợp tác xã tỉnh", "Liên minh HTX tỉnh", "đoàn thể"),
    ("Tỉnh ủy", "Tỉnh uỷ|Ban Thường vụ Tỉnh ủy", "đảng"),
    ("HĐND tỉnh", "Hội đồng nhân dân tỉnh|Thường trực HĐND tỉnh", "tỉnh"),
    ("Ban Tuyên giáo Tỉnh ủy", "", "đảng"),
    ("Ban Tổ chức Tỉnh ủy", "", "đảng"),
    ("Ban Dân vận Tỉnh ủy", "", "đảng"),
    ("Ban Nội chính Tỉnh ủy", "", "đảng"),
    ("Ban Thi đua - Khen thưởng tỉnh", "Ban Thi đua - Khen thưởng|Ban TĐKT|Ban Thi đua Khen thưởng", "sở"),
    ("Hội đồng Thi đua - Khen thưởng tỉnh", "Hội đồng TĐKT tỉnh", "tỉnh"),
    ("Báo tỉnh", "", "báo chí"),
    ("Đài Phát thanh và Truyền hình tỉnh", "Đài PTTH tỉnh|Đài PT-TH tỉnh|Đài Phát thanh - Truyền hình tỉnh", "báo chí"),
    ("Cổng Thông tin điện tử tỉnh", "Cổng TTĐT tỉnh", "báo chí"),
    ("Bưu điện tỉnh", "", "doanh nghiệp"),
    ("Viễn thông tỉnh", "VNPT tỉnh", "doanh nghiệp"),
    ("Viettel tỉnh", "", "doanh nghiệp"),
    ("Công ty Điện lực tỉnh", "Điện lực tỉnh", "doanh nghiệp"),
    ("Tổ công tác triển khai Đề án 06 tỉnh", "Tổ công tác Đề án 06 tỉnh|Tổ công tác triển khai Đề án 06", "tỉnh"),
    ("UBND cấp huyện", "UBND các huyện, thị xã, thành phố|UBND các huyện, thành phố|UBND các huyện, TP|"
     "UBND huyện, thị xã, thành phố|Ủy ban nhân dân các huyện, thị xã, thành phố|Ủy ban nhân dân cấp huyện|"
     "UBND các huyện, thành phố, thị xã|UBND các huyện, thị xã|UBND các huyện|UBND huyện, thành phố|"
     "Ủy ban nhân dân các huyện, thành phố|UBND các huyện, thị, thành phố|UBND huyện|UBND các huyện, TX, TP|"
     "UBND các huyện, thị xã, TP|UBND huyện, thị xã, TP|UBND cấp huyện", "cấp huyện"),
    ("UBND cấp xã", "UBND các xã, phường, thị trấn|UBND xã, phường, thị trấn|Ủy ban nhân dân cấp xã|UBND các xã|"
     "Ủy ban nhân dân các xã, phường, thị trấn|UBND xã|UBND các xã, phường, đặc khu|UBND xã, phường, đặc khu", "cấp xã"),
    ("Công an cấp huyện", "Công an các huyện, thị xã, thành phố|Công an các huyện, thành phố", "cấp huyện"),
    ("Công an cấp xã", "Công an các xã, phường, thị trấn|Công an xã, phường, thị trấn|Công an cơ sở", "cấp xã"),
]

KIND_BY_HEAD = [("sở ", "sở"), ("ubnd", "tỉnh"), ("ủy ban", "tỉnh"), ("hội ", "đoàn thể"), ("báo ", "báo chí"),
                ("đài ", "báo chí"), ("cục ", "trung ương tại tỉnh"), ("trung tâm", "văn phòng")]


def corpus_candidates(corpus: Path) -> collections.Counter:
    """Owner phrases of every plan in ``corpus``, split into single agencies and made generic."""
    from extract.agencies import generic_name, split_agencies
    from extract.tasks import owner_phrases
    from ingest import ingest_file
    from normalize import normalize_document

    counts: collections.Counter = collections.Counter()
    for path in sorted(corpus.glob("*.txt")):
        if path.name.lower().startswith("readme"):
            continue
        ndoc = normalize_document(ingest_file(path))
        for phrase in owner_phrases(ndoc):
            for piece in split_agencies(phrase):
                counts[generic_name(piece)] += 1
    return counts


def build(corpus: Path | None) -> tuple[list[tuple[str, str, str, str]], list[str]]:
    from rapidfuzz import fuzz, process

    from extract.agencies import _HEAD_RE, _key

    rows = {c: [c, [a for a in aliases.split("|") if a], kind, "curated"] for c, aliases, kind in CURATED}
    keys = {}
    for c, (_, aliases, _, _) in rows.items():
        for name in [c, *aliases]:
            keys[_key(name)] = c
    review: list[str] = []
    if corpus is not None:
        for name, n in corpus_candidates(corpus).most_common():
            k = _key(name)
            if not name or k in keys or k.startswith("các ") or len(k) < 4:
                continue
            best = process.extractOne(k, list(keys), scorer=fuzz.ratio, score_cutoff=88)
            if best:
                rows[keys[best[0]]][1].append(name)
                keys[k] = keys[best[0]]
                review.append(f"alias  {name!r} -> {keys[best[0]]!r} ({best[1]:.0f}, seen {n}x)")
            elif _HEAD_RE.match(name) and len(name.split()) <= 12:
                kind = next((kd for h, kd in KIND_BY_HEAD if k.startswith(h)), "khác")
                rows[name] = [name, [], kind, f"corpus:{n}"]
                keys[k] = name
                review.append(f"new    {name!r} ({kind}, seen {n}x)")
            else:
                review.append(f"skip   {name!r} (seen {n}x)")
    out = [(c, "|".join(dict.fromkeys(a)), kind, src) for c, a, kind, src in rows.values()]
    return out, review


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", default="corpus", help="folder of plans (.txt); '-' for the curated list only")
    ap.add_argument("-o", "--output", default=str(Path(__file__).with_name("data") / "agencies.tsv"))
    args = ap.parse_args(argv)
    corpus = None if args.corpus == "-" else Path(args.corpus)
    if corpus is not None and not corpus.is_dir():
        print(f"error: {corpus}: not a folder", file=sys.stderr)
        return 2
    rows, review = build(corpus)
    out = Path(args.output)
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, delimiter="\t", lineterminator="\n")
        w.writerow(["canonical", "aliases", "kind", "source"])
        w.writerows(rows)
    for line in review:
        print(line, file=sys.stderr)
    print(f"{out}: {len(rows)} agencies", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
