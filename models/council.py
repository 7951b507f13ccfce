"""Councils (mySociety's UK local authorities, keyed by `local-authority-code`) and their names."""
from __future__ import annotations

from datetime import date

from sqlalchemy import Boolean, Date, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from models.db import Base


class Council(Base):
    """One local authority, past or current; abolished ones name their successors."""

    __tablename__ = "councils"

    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    official_name: Mapped[str] = mapped_column(String(200))
    nice_name: Mapped[str] = mapped_column(String(200), index=True)
    gss_code: Mapped[str | None] = mapped_column(String(12))
    nation: Mapped[str] = mapped_column(String(40))
    region: Mapped[str] = mapped_column(String(60), index=True)
    type_code: Mapped[str] = mapped_column(String(8))
    type_name: Mapped[str] = mapped_column(String(80))
    county_code: Mapped[str | None] = mapped_column(String(8))
    combined_authority_code: Mapped[str | None] = mapped_column(String(8))
    powers: Mapped[str | None] = mapped_column(String(20))
    current: Mapped[bool] = mapped_column(Boolean, index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    replaced_by: Mapped[str | None] = mapped_column(String(100))
    population: Mapped[int | None] = mapped_column(Integer)

    names: Mapped[list["CouncilName"]] = relationship(back_populates="council")

    @property
    def successor_codes(self) -> list[str]:
        return [c.strip() for c in (self.replaced_by or "").split(",") if c.strip()]


class CouncilName(Base):
    """A name by which a council is known (official, short, alternative or a common misspelling)."""

    __tablename__ = "council_names"
    __table_args__ = (UniqueConstraint("normalized", "council_code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    normalized: Mapped[str] = mapped_column(String(200), index=True)
    council_code: Mapped[str] = mapped_column(ForeignKey("councils.code", ondelete="CASCADE"))

    council: Mapped[Council] = relationship(back_populates="names")
