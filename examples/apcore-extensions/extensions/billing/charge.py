from pydantic import BaseModel


class ChargeInput(BaseModel):
    amount_cents: int


class ChargeOutput(BaseModel):
    charge_id: str


# seeded: RL026 two classes look like module classes; the meta file should name one as entry_point
class ChargeCard:
    description = "Charges a card."

    input_schema = ChargeInput
    output_schema = ChargeOutput

    def execute(self, inputs, context):
        return ChargeOutput(charge_id="ch_1")


class ChargeCardV2:
    description = "Charges a card through the new gateway."

    input_schema = ChargeInput
    output_schema = ChargeOutput

    def execute(self, inputs, context):
        return ChargeOutput(charge_id="ch_2")
