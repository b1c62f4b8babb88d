from pydantic import BaseModel


class ModelAlphaRequest(BaseModel):
    value: str


class ModelAlphaResult(BaseModel):
    ok: bool
