from pydantic import BaseModel


class SmsInput(BaseModel):
    to: str
    text: str


class SmsOutput(BaseModel):
    sid: str


class SendSms:
    description = "Sends an SMS."

    input_schema = SmsInput
    output_schema = SmsOutput

    def execute(self, inputs, context):
        return SmsOutput(sid="sm_1")
