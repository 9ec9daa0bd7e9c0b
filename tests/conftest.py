"""Shared fixtures: a small multi-label dataset written on the fly, and the tiny model."""

from __future__ import annotations

import os
import random

import matplotlib
import pytest

matplotlib.use("Agg")
os.environ.setdefault("HF_HUB_OFFLINE", "1")  # tests never reach for the Hub
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

TOPICS = {
    "Lieferung": ["Das Paket kam zwei Tage zu spät", "Lieferung war super schnell", "Der Bote hat das Paket beim Nachbarn gelassen"],
    "Preis": ["Viel zu teuer für das was man bekommt", "Der Preis ist fair", "Im Angebot echt günstig"],
    "Kundenservice": ["Der Kundenservice hat nie geantwortet", "Die Hotline war sehr freundlich", "Keiner ging ans Telefon"],
    "Produktqualität": ["Nach einer Woche kaputt", "Das Material fühlt sich hochwertig an", "Die Naht ist sofort gerissen"],
}


def write_reviews_csv(path, n: int = 120, seed: int = 0) -> None:
    """A CSV of short reviews with one or two topics each (text, labels joined by '|')."""
    import csv

    rng = random.Random(seed)
    names = list(TOPICS)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["text", "labels"])
        for i in range(n):
            chosen = rng.sample(names, rng.choice([1, 1, 2]))
            text = ". ".join(rng.choice(TOPICS[t]) for t in chosen) + f". Bestellung {i}."
            writer.writerow([text, "|".join(chosen)])


@pytest.fixture
def reviews_csv(tmp_path):
    path = tmp_path / "reviews.csv"
    write_reviews_csv(path)
    return path


@pytest.fixture(scope="session")
def tiny_model():
    from helpers.models import resolve_model

    return resolve_model("tiny", verbose=False)


SMOKE_SETTINGS = {"epochs": 2, "batch_size": 16}


@pytest.fixture(scope="session")
def smoke_run(tmp_path_factory):
    """One finished run of the whole recipe (smoke profile, tiny model) on a small CSV, shared read-only."""
    from helpers.data import load_table
    from helpers.profiles import PROFILES
    from helpers.recipe import fine_tune

    folder = tmp_path_factory.mktemp("smoke_run")
    write_reviews_csv(folder / "reviews.csv")
    splits = load_table(folder / "reviews.csv")
    profile = PROFILES["smoke"].with_overrides(**SMOKE_SETTINGS)
    run = fine_tune(profile, splits, folder / "run")
    return {"run": run, "splits": splits, "profile": profile, "csv": folder / "reviews.csv", "run_dir": folder / "run"}
