class HandlerBetaV1:
    def handle(self, envelope):
        return envelope
