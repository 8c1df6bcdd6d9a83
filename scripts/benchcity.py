"""A synthetic city for the benchmark: the project copied into a scratch
directory, with schools, cases and training modules derived from the shipped
samples (invented names, every file labelled 示例).

Used by ``scripts/bench.py`` and by the scale tests; nothing here is part of
the portal build.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
# requirements.txt: the engine version (macros/build/cache.py) covers the pinned dependencies.
COPY = (
    "docs",
    "data",
    "casebook",
    "training_modules",
    "tipbook",
    "macros",
    "overrides",
    "schemas",
    "mkdocs.yml",
    "requirements.txt",
)
DISTRICT_NUMBERS = "一二三四五六七八九十"
FULL = {"schools": 1600, "cases": 600, "drafts": 60, "modules": 30}
SCALES = {"100": 100, "500": 500, "full": 1600}

# Invented two-character words for school names (no real school is meant).
_WORDS = (
    "星澜 晨曦 青禾 云帆 明川 启航 朗月 松涛 知行 博雅 晴川 清源 春晖 励学 新苗 远志 "
    "鸿图 晓风 弘毅 嘉禾 澄心 思源 乐群 育英 翠微 景行 致远 晴岚 秋实 长风 朝阳 映雪 "
    "安澜 书韵 怀瑾 立德 尚善 向明 和畅 萌芽"
).split()


def district_name(n: int) -> str:
    """示例一区 … 示例十六区: invented districts, never a real one."""
    if n <= 10:
        number = DISTRICT_NUMBERS[n - 1]
    else:
        number = "十" + DISTRICT_NUMBERS[n - 11]
    return f"示例{number}区"


@dataclass(frozen=True)
class Sizes:
    schools: int
    cases: int
    drafts: int
    modules: int
    districts: int = 16

    @classmethod
    def for_scale(cls, scale: str) -> Sizes:
        schools = SCALES[scale]
        factor = schools / FULL["schools"]
        return cls(
            schools=schools,
            cases=max(10, round(FULL["cases"] * factor)),
            drafts=max(2, round(FULL["drafts"] * factor)),
            modules=max(2, round(FULL["modules"] * factor)),
        )


def copy_project(dest: Path, root: Path = ROOT) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for name in COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)


def _load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8-sig"))


def _dump(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)


def _school_name(n: int, stage: str) -> str:
    a, b = _WORDS[n % len(_WORDS)], _WORDS[(n // len(_WORDS)) % len(_WORDS)]
    suffix = {"小学": "小学", "初中": "初级中学", "高中": "高级中学"}.get(stage, "学校")
    if n >= len(_WORDS) ** 2:
        suffix = "第二" + suffix
    return f"{a}{b}{suffix}" if a != b else f"{a}实验{suffix}"


def make_schools(dest: Path, count: int, districts: int, rng: random.Random) -> list[str]:
    """``count`` school files varied from the shipped samples (some break the rules)."""
    samples = [_load(p) for p in sorted((dest / "data/schools").glob("*.yml")) if not p.name.startswith("_")]
    ids = []
    for n in range(count):
        plan = _load_copy(samples[n % len(samples)])
        school_id = f"bench-{n + 1:04d}"
        plan["id"] = school_id
        plan["sample"] = True
        plan["name"] = _school_name(n, plan["stage"])
        plan["district"] = district_name(n % districts + 1)
        scale = rng.uniform(0.4, 2.5)
        teachers = max(8, round(plan["counts"]["teachers"] * scale))
        plan["counts"] = {
            "teachers": teachers,
            "mentors": teachers if rng.random() < 0.8 else max(1, teachers - rng.randint(1, 5)),
            "students": max(40, round(plan["counts"]["students"] * scale)),
        }
        # Varied sizes: some plans drop optional detail, some repeat duties and timeline tasks.
        if rng.random() < 0.3:
            for key in ("self_chosen", "incentives"):
                plan.pop(key, None)
        if rng.random() < 0.3 and isinstance(plan.get("duties"), list):
            plan["duties"] = plan["duties"] + [f"{d}（第 {k + 2} 学期继续落实）" for k, d in enumerate(plan["duties"])]
        if rng.random() < 0.15 and isinstance(plan.get("matching"), dict):
            plan["matching"]["max_students_per_mentor"] = 18  # over the city's 15: not met
        text = f"# 示例：本方案由基准测试脚本生成，学校名称与内容均为虚构。\n{_dump(plan)}"
        (dest / "data/schools" / f"{school_id}.yml").write_text(text, encoding="utf-8")
        ids.append(school_id)
    return ids


def _load_copy(data: dict) -> dict:
    return yaml.safe_load(_dump(data))


_FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def _split(text: str) -> tuple[dict, str]:
    m = _FRONT.match(text)
    assert m, "casebook files start with front matter"
    return yaml.safe_load(m.group(1)), text[m.end() :]


def make_cases(dest: Path, published: int, drafts: int) -> list[str]:
    """Cases derived from the samples: new ids and titles, same pseudonymised text."""
    base = dest / "casebook"
    sources = []
    for path in sorted(base.glob("*.md")):
        meta, body = _split(path.read_text(encoding="utf-8"))
        sources.append((path.stem, meta, body))
    pub = [s for s in sources if s[1].get("status") == "published"]
    draft = [s for s in sources if s[1].get("status") != "published"]
    ids = []
    for n in range(published + drafts):
        is_draft = n >= published
        _stem, meta, body = (draft if is_draft else pub)[n % len(draft if is_draft else pub)]
        meta = dict(meta)
        case_id = f"bench-case-{n + 1:04d}"
        old_title = meta["title"]
        meta["id"] = case_id
        meta["title"] = f"{old_title}（示例 {n + 1}）"
        meta["sample"] = True
        meta.pop("related", None)
        new_body = body.replace(f"# {old_title}", f"# {meta['title']}", 1)
        (base / f"{case_id}.md").write_text(f"---\n{_dump(meta)}---\n{new_body}", encoding="utf-8")
        if not is_draft:
            ids.append(case_id)
    return ids


def make_modules(dest: Path, count: int) -> list[str]:
    """Training modules copied from the shipped ones with new ids, titles and order."""
    base = dest / "training_modules"
    originals = sorted(p for p in base.iterdir() if (p / "module.yml").exists())
    top = max(_load(p / "module.yml")["order"] for p in originals)
    ids = []
    for n in range(max(0, count - len(originals))):
        src = originals[n % len(originals)]
        module_id = f"bench-module-{n + 1:02d}"
        shutil.copytree(src, base / module_id)
        meta_path = base / module_id / "module.yml"
        meta = _load(meta_path)
        meta["title"] = f"{meta['title']}（示例 {n + 1}）"
        meta["order"] = top + n + 1
        meta_path.write_text(f"# 示例：基准测试脚本生成的培训模块。\n{_dump(meta)}", encoding="utf-8")
        ids.append(module_id)
    return ids


def make_city(dest: Path, sizes: Sizes, seed: int = 7) -> dict[str, list[str]]:
    """Copy the project into ``dest`` and add the synthetic city; returns the generated ids."""
    rng = random.Random(seed)
    copy_project(dest)
    return {
        "schools": make_schools(dest, sizes.schools, sizes.districts, rng),
        "cases": make_cases(dest, sizes.cases, sizes.drafts),
        "modules": make_modules(dest, sizes.modules),
    }
