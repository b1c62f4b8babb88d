class HandlerAlpha:
    def handle(self, envelope):
        return envelope
