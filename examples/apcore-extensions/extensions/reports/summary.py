from pydantic import BaseModel


class SummaryInput(BaseModel):
    period: str


class SummaryOutput(BaseModel):
    text: str


# seeded: RL008 no description anywhere (no docstring, no description attribute, none in the meta file)
class ReportSummary:
    input_schema = SummaryInput
    output_schema = SummaryOutput

    def execute(self, inputs, context):
        return SummaryOutput(text="")
